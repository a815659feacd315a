import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole } from '../../../platform/src/auth/auth.decorators.js';
import { StateAuthorityResponse, StateResponse } from './dto/state.response.js';
import { StatesService } from './states.service.js';

@ApiTags('states')
@Controller('states')
export class StatesController {
  constructor(private readonly states: StatesService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [StateResponse] })
  list() {
    return this.states.list();
  }

  @Get(':stateCode/authorities')
  @AnyRole()
  @ApiOkResponse({ type: [StateAuthorityResponse], description: 'Every body that has held the state authority role, dated' })
  authorities(@Param('stateCode') stateCode: string) {
    return this.states.authorities(stateCode);
  }
}
