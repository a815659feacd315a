import { Body, Controller, Get, Headers, Param, Patch, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { PlanItemResponse, PlanResponse } from './dto/plan.response.js';
import { ReplanItemDto } from './dto/replan-item.dto.js';
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
  async replan(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('stateCode') stateCode: string,
    @Param('activityCode') activityCode: string,
    @Body() dto: ReplanItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const item = await this.plans.replan(user, programId, stateCode, activityCode, dto, ifMatch);
    res.setHeader('ETag', `"${item.version}"`);
    return item;
  }
}
