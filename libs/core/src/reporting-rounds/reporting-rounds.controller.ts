import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { AsOfQueryDto } from './dto/as-of-query.dto.js';
import { CreateReportingRoundDto } from './dto/create-reporting-round.dto.js';
import { GenerateQuarterlyRoundsDto } from './dto/generate-quarterly-rounds.dto.js';
import {
  QuarterlyRoundsResponse,
  ReportingRoundDetailResponse,
  ReportingRoundListResponse,
  ReportingRoundResponse,
  StateReportingRoundsResponse,
  SubmissionResponse,
} from './dto/reporting-round.response.js';
import { SubmitReportingRoundDto } from './dto/submit-reporting-round.dto.js';
import { ReportingRoundsService } from './reporting-rounds.service.js';

@ApiTags('reporting-rounds')
@Controller('programs/:programId')
export class ReportingRoundsController {
  constructor(private readonly rounds: ReportingRoundsService) {}

  @Post('reporting-rounds')
  @Auth('coordinator')
  @ApiCreatedResponse({ type: ReportingRoundResponse, description: 'Coordinator; 409 when the code exists in the program' })
  create(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: CreateReportingRoundDto) {
    return this.rounds.create(user, programId, dto);
  }

  @Post('reporting-rounds/quarterly')
  @Auth('coordinator')
  @ApiCreatedResponse({ type: QuarterlyRoundsResponse, description: 'Coordinator; idempotent: existing codes are skipped' })
  generateQuarterly(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: GenerateQuarterlyRoundsDto) {
    return this.rounds.generateQuarterly(user, programId, dto);
  }

  @Get('reporting-rounds')
  @AnyRole()
  @ApiOkResponse({ type: ReportingRoundListResponse, description: 'Any role: counts are public figures' })
  list(@Param('programId') programId: string, @Query() query: AsOfQueryDto) {
    return this.rounds.list(programId, query);
  }

  @Get('reporting-rounds/:roundCode')
  @AnyRole()
  @ApiOkResponse({ type: ReportingRoundDetailResponse, description: 'Any role; summaries only of the states the caller may read' })
  get(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('roundCode') roundCode: string, @Query() query: AsOfQueryDto) {
    return this.rounds.get(user, programId, roundCode, query);
  }

  @Post('reporting-rounds/:roundCode/submissions')
  @Auth('coordinator', 'state_officer')
  @ApiCreatedResponse({ type: SubmissionResponse, description: 'The state’s own officer, or a coordinator on its behalf; 409 when already submitted or not expected' })
  submit(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('roundCode') roundCode: string, @Body() dto: SubmitReportingRoundDto) {
    return this.rounds.submit(user, programId, roundCode, dto);
  }

  @Get('states/:stateCode/reporting-rounds')
  @AnyRole()
  @ApiOkResponse({ type: StateReportingRoundsResponse, description: 'National roles, or the state’s own officer' })
  listForState(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() query: AsOfQueryDto) {
    return this.rounds.listForState(user, programId, stateCode, query);
  }
}
