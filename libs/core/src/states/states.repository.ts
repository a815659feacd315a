import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { StateAuthority } from './state-authority.entity.js';
import { State } from './state.entity.js';

@Injectable()
export class StatesRepository extends BaseRepository {
  findAll(): Promise<State[]> {
    return this.em.find(State, { order: { code: 'ASC' } });
  }

  findByCode(code: string): Promise<State | null> {
    return this.em.findOneBy(State, { code });
  }

  async exists(code: string): Promise<boolean> {
    return (await this.em.countBy(State, { code })) > 0;
  }

  /** The body holding each state's authority role on `date`. */
  async findAuthoritiesOn(date: string): Promise<StateAuthority[]> {
    return this.em
      .createQueryBuilder(StateAuthority, 'a')
      .where('a.valid_from <= :date AND (a.valid_to IS NULL OR a.valid_to >= :date)', { date })
      .orderBy('a.state_code')
      .getMany();
  }

  findAuthorities(stateCode: string): Promise<StateAuthority[]> {
    return this.em.find(StateAuthority, { where: { stateCode }, order: { validFrom: 'ASC' } });
  }

  /** Reference data: inserts missing states and authorities, leaves edited ones alone. */
  async upsertReference(states: State[], authorities: Omit<StateAuthority, 'id'>[]): Promise<void> {
    await this.em.createQueryBuilder().insert().into(State).values(states).orIgnore().execute();
    if (authorities.length) {
      await this.em.createQueryBuilder().insert().into(StateAuthority).values(authorities).orIgnore().execute();
    }
  }
}
