import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../../../platform/src/clock/clock.js';
import { toStateAuthorityResponse, toStateResponse, type StateAuthorityResponse, type StateResponse } from './dto/state.response.js';
import { StatesRepository } from './states.repository.js';

@Injectable()
export class StatesService {
  constructor(private readonly states: StatesRepository, private readonly clock: Clock) {}

  async list(): Promise<StateResponse[]> {
    const [states, authorities] = await Promise.all([this.states.findAll(), this.states.findAuthoritiesOn(this.clock.today())]);
    const byState = new Map(authorities.map((a) => [a.stateCode, a]));
    return states.map((s) => toStateResponse(s, byState.get(s.code)));
  }

  async authorities(stateCode: string): Promise<StateAuthorityResponse[]> {
    if (!(await this.states.exists(stateCode))) throw new NotFoundException(`Unknown state ${stateCode}`);
    return (await this.states.findAuthorities(stateCode)).map(toStateAuthorityResponse);
  }
}
