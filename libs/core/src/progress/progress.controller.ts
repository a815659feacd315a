import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiForbiddenResponse, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AnyRole, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ExplainQueryDto, ProgressQueryDto, SnapshotQueryDto } from './dto/progress-query.dto.js';
import { NationalExplanationResponse, NationalProgressResponse, SnapshotSeriesResponse, StateExplanationResponse, StateProgressResponse } from './dto/progress.response.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@Controller('programs/:programId')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @AnyRole()
  @ApiOkResponse({ type: NationalProgressResponse, description: 'National and per-state figures as of asOf (SPEC §4), rounded to one decimal' })
  national(@Param('programId') programId: string, @Query() query: ProgressQueryDto) {
    return this.progress.getNational(programId, query);
  }

  @Get('progress/explain')
  @AnyRole()
  @ApiExtraModels(NationalExplanationResponse, StateExplanationResponse)
  @ApiOkResponse({
    description: 'Without stateCode: NationalExplanationResponse (each state’s terms and the means). With stateCode: StateExplanationResponse (items, weights, units, current reports)',
    schema: { oneOf: [{ $ref: getSchemaPath(NationalExplanationResponse) }, { $ref: getSchemaPath(StateExplanationResponse) }] },
  })
  @ApiForbiddenResponse({ description: 'A state officer asking for another state’s explanation (it names that state’s unpublished reports)' })
  explain(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Query() query: ExplainQueryDto): Promise<NationalExplanationResponse | StateExplanationResponse> {
    return this.progress.explain(user, programId, query);
  }

  @Get('progress/snapshots')
  @AnyRole()
  @ApiOkResponse({ type: SnapshotSeriesResponse, description: 'Daily figures stored by the snapshot job, for trend charts' })
  snapshots(@Param('programId') programId: string, @Query() query: SnapshotQueryDto) {
    return this.progress.snapshots(programId, query);
  }

  @Get('progress/trend')
  @AnyRole()
  @ApiOkResponse({ type: SnapshotSeriesResponse, description: 'Weekly figures computed from the report history (national, or one state’s with stateCode) from the first join or `from` to `to` (default today); the last point is `to` itself. At most 530 points.' })
  trend(@Param('programId') programId: string, @Query() query: SnapshotQueryDto) {
    return this.progress.trend(programId, query);
  }

  @Get('states/:stateCode/progress')
  @AnyRole()
  @ApiOkResponse({ type: StateProgressResponse, description: 'One state’s figures, phases, items and institutions as of asOf (figures are public: any role, any state)' })
  state(@Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() query: ProgressQueryDto) {
    return this.progress.getState(programId, stateCode, query);
  }

  @Get('states/:stateCode/progress/explain')
  @AnyRole()
  @ApiOkResponse({ type: StateExplanationResponse })
  @ApiForbiddenResponse({ description: 'A state officer asking for another state’s explanation' })
  explainState(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() query: ProgressQueryDto) {
    return this.progress.explainState(user, programId, stateCode, query);
  }
}
