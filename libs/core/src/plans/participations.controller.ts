import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { EnrolStateDto } from './dto/enrol-state.dto.js';
import { ParticipationResponse } from './dto/participation.response.js';
import { UpdateParticipationDto } from './dto/update-participation.dto.js';
import { ParticipationsService } from './participations.service.js';

@ApiTags('participations')
@Controller('programs/:programId/states')
export class ParticipationsController {
  constructor(private readonly participations: ParticipationsService) {}

  @Post()
  @Auth('coordinator')
  @ApiCreatedResponse({ type: ParticipationResponse, description: 'The state joins; its plan is created from the activities' })
  enrol(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: EnrolStateDto) {
    return this.participations.enrol(user, programId, dto);
  }

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [ParticipationResponse], description: 'Every participation, withdrawn ones included' })
  list(@Param('programId') programId: string) {
    return this.participations.list(programId);
  }

  @Patch(':stateCode')
  @Auth('coordinator')
  @ApiOkResponse({ type: ParticipationResponse, description: 'Withdrawal (exitedOn) or re-admission (null), with a justification' })
  changeExit(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Body() dto: UpdateParticipationDto) {
    return this.participations.changeExit(user, programId, stateCode, dto);
  }
}
