import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ProgramDocumentDto } from './dto/program-document.dto.js';
import { ProgramResponse, ProgramSummaryResponse } from './dto/program.response.js';
import { ProgramsService } from './programs.service.js';

const PROGRAM_ID = { name: 'programId', description: "The program's id or its code", example: 'condatos-2024' };

const EXAMPLE_DOCUMENT = {
  code: 'apertura-institucional-2025',
  name: 'Modelo de Apertura Institucional',
  description: null,
  approvedOn: '2024-11-19',
  approvalReference: 'SNT/CEATP/ACUERDO/19/11/24/EXT03-03',
  timeZone: 'America/Mexico_City',
  thresholds: { atRisk: -5, offTrack: -15 },
  status: 'draft',
  phases: [{ number: 1, name: 'Planeación', description: null }],
  activities: [
    { code: '1.1', phase: 1, name: 'Designar a las personas enlace', level: 'state', startDay: 0, durationDays: 30, weight: 1, optional: false, evidenceKinds: ['document'], completionNeedsEvidence: true, metrics: [] },
    { code: '1.2', phase: 1, name: 'Realizar jornadas de sensibilización', level: 'state', startDay: 15, durationDays: 60, weight: 2, optional: true, evidenceKinds: ['document'], completionNeedsEvidence: true, metrics: ['personas_sensibilizadas'] },
  ],
  indicators: [
    { code: 'IND-01', name: 'Entidades federativas participantes', definition: null, unit: 'count', direction: 'up', kind: 'states_participating', params: {}, baseline: { value: 0, date: '2024-11-19' }, targets: [{ scope: 'national', stateCode: null, value: 11, date: '2025-12-31' }] },
    { code: 'IND-02', name: 'Personas sensibilizadas', definition: null, unit: 'count', direction: 'up', kind: 'metric_sum', params: { activityCode: '1.2', metric: 'personas_sensibilizadas' }, baseline: null, targets: [{ scope: 'state', stateCode: '20', value: 200, date: null }] },
  ],
};

@ApiTags('programs')
@ApiExtraModels(ProgramDocumentDto)
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'List programs', description: 'Each program with its phase, activity, indicator and participation counts.' })
  @ApiOkResponse({ type: [ProgramSummaryResponse] })
  list() {
    return this.programs.list();
  }

  @Post('import')
  @Auth('coordinator')
  @ApiOperation({
    summary: 'Import a program document (create, or replace the program with the same code)',
    description:
      'Takes the program document of SPEC §5; unknown fields are refused and every problem is reported at once as `{ field, message }` with a dotted path (`activities.3.weight`). ' +
      'An existing program with the same code is replaced. While no state has joined it, everything may change. ' +
      'Once states have joined, their plans are already dated from the activities and are not silently re-dated: the set of phase numbers and activity codes, ' +
      "and each activity's phase, level, startDay and durationDays, and the time zone must stay the same (409 naming what was added, removed or moved); " +
      'texts, weights, optional flags, evidence kinds, metrics, formats, thresholds, status, indicators and targets may change. ' +
      "A format's `templateFileId` must be a template uploaded to this program (`POST /programs/{programId}/templates`). Writes an audit event (`program.import` or `program.replace`).",
  })
  @ApiBody({ schema: { $ref: getSchemaPath(ProgramDocumentDto) }, examples: { program: { summary: 'A small program', value: EXAMPLE_DOCUMENT } } })
  @ApiCreatedResponse({ type: ProgramResponse, description: 'The program as stored' })
  @ApiBadRequestResponse({ description: 'The document is not valid; `errors` lists every problem' })
  @ApiConflictResponse({ description: 'The program has participating states and the document adds, removes or re-dates phases or activities' })
  importProgram(@CurrentUser() user: AuthUser, @Body() dto: ProgramDocumentDto) {
    return this.programs.importProgram(user, dto);
  }

  @Get(':programId')
  @AnyRole()
  @ApiOperation({ summary: 'A program with its phases, activities, indicators and targets' })
  @ApiParam(PROGRAM_ID)
  @ApiOkResponse({ type: ProgramResponse })
  @ApiNotFoundResponse({ description: 'No program with that id or code' })
  get(@Param('programId') programId: string) {
    return this.programs.get(programId);
  }

  @Get(':programId/export')
  @Auth('coordinator')
  @ApiOperation({ summary: 'Export the program document', description: 'The canonical document: importing it again gives the same program.' })
  @ApiParam(PROGRAM_ID)
  @ApiOkResponse({ type: ProgramDocumentDto, content: { 'application/json': { example: EXAMPLE_DOCUMENT } } })
  @ApiNotFoundResponse({ description: 'No program with that id or code' })
  exportProgram(@Param('programId') programId: string) {
    return this.programs.exportProgram(programId);
  }
}
