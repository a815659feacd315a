import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { RiskQueryDto } from './dto/risk-query.dto.js';
import { RiskRankingResponse } from './dto/risk.response.js';
import { RisksService } from './risks.service.js';

@ApiTags('risks')
@Controller('programs/:programId')
export class RisksController {
  constructor(private readonly risks: RisksService) {}

  @Get('risks')
  @AnyRole()
  @ApiOkResponse({ type: RiskRankingResponse, description: 'Early warning: open items and states ranked by slack at the state’s observed pace and by history, each with the terms of its score (docs/early-warning.md). National roles: every state or one; a state officer: its own state.' })
  @ApiForbiddenResponse({ description: 'A state officer asking for another state' })
  @ApiNotFoundResponse({ description: 'Unknown program, or a state that never participated in it' })
  rank(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Query() query: RiskQueryDto) {
    return this.risks.rank(user, programId, query);
  }
}
