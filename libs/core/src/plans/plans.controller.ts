import { Body, Controller, Get, Headers, HttpStatus, Param, Patch, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { PlanItemResponse, PlanResponse } from './dto/plan.response.js';
import { ReplanItemDto } from './dto/replan-item.dto.js';
import { ReplanRequestResponse } from './dto/replan-request.dto.js';
import { PlansService } from './plans.service.js';

@ApiTags('plans')
@Controller('programs/:programId/states/:stateCode/plan')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: PlanResponse, description: 'National roles, or the state’s own officer' })
  get(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string) {
    return this.plans.getPlan(user, programId, stateCode);
  }

  @Patch(':activityCode')
  @Auth('coordinator', 'state_officer')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version read (alternative to body `version`)' })
  @ApiOkResponse({ type: PlanItemResponse, description: 'The updated item; its new version is also the ETag' })
  @ApiAcceptedResponse({ type: ReplanRequestResponse, description: 'A state officer moved the due date later: nothing changed yet, a re-plan request waits for the coordination’s approval' })
  @ApiConflictResponse({ description: 'A stale version, a withdrawn state, or (a later due date) the item already has a pending re-plan request' })
  async replan(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('stateCode') stateCode: string,
    @Param('activityCode') activityCode: string,
    @Body() dto: ReplanItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.plans.replan(user, programId, stateCode, activityCode, dto, ifMatch);
    if (outcome.kind === 'pending') {
      res.status(HttpStatus.ACCEPTED);
      return outcome.request;
    }
    res.setHeader('ETag', `"${outcome.item.version}"`);
    return outcome.item;
  }
}
