import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { DecideReplanRequestDto, ProgramReplanRequestQueryDto, ReplanRequestPageResponse, ReplanRequestQueryDto, ReplanRequestResponse } from './dto/replan-request.dto.js';
import { ReplanRequestsService } from './replan-requests.service.js';

@ApiTags('plans')
@Controller('programs/:programId')
export class ReplanRequestsController {
  constructor(private readonly requests: ReplanRequestsService) {}

  @Get('replan-requests')
  @AnyRole()
  @ApiOkResponse({ type: ReplanRequestPageResponse, description: 'Re-plan requests of every state (national roles); a state officer gets its own state’s only' })
  @ApiForbiddenResponse({ description: 'A state officer asking for another state (stateCode)' })
  list(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Query() query: ProgramReplanRequestQueryDto) {
    return this.requests.listProgram(user, programId, query);
  }

  @Get('states/:stateCode/replan-requests')
  @AnyRole()
  @ApiOkResponse({ type: ReplanRequestPageResponse, description: 'One state’s re-plan requests: national roles, or the state’s own officer' })
  listState(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() query: ReplanRequestQueryDto) {
    return this.requests.listState(user, programId, stateCode, query);
  }

  @Post('replan-requests/:requestId/decision')
  @ApiUuidParam('requestId')
  @Auth('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: ReplanRequestResponse, description: 'Approve (the requested dates apply to the plan now, audited in the same transaction) or reject with a reason (the plan stays)' })
  @ApiConflictResponse({ description: 'The request was already decided, or the item changed so that the request no longer fits it' })
  decide(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('requestId', uuidParam('requestId')) requestId: string, @Body() dto: DecideReplanRequestDto) {
    return this.requests.decide(user, programId, requestId, dto);
  }
}
