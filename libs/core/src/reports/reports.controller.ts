import { Body, Controller, Get, Headers, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { CreateReportDto, REPORT_BODY_EXAMPLES } from './dto/create-report.dto.js';
import { PageQueryDto, ReportQueryDto } from './dto/report-query.dto.js';
import { ItemHistoryResponse, ReportPageResponse, ReportResponse } from './dto/report.response.js';
import { localizeMessages } from '../../../platform/src/i18n/translate.js';
import type { UploadedEvidenceFile } from '../files/upload.interceptor.js';
import { ImportQueryDto, ImportResultResponse } from '../imports/dto/import-result.response.js';
import { ImportRoute } from '../imports/import-route.decorator.js';
import { ReportsImportService } from './reports-import.service.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('programs/:programId/states/:stateCode')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly imports: ReportsImportService,
  ) {}

  @Post('reports')
  @Auth('coordinator', 'state_officer')
  @ApiBody({ type: CreateReportDto, examples: REPORT_BODY_EXAMPLES })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 100 visible ASCII characters. A retry with the same key by the same user returns the first report (200, header Idempotent-Replayed: true) and creates nothing.' })
  @ApiCreatedResponse({ type: ReportResponse, description: 'Coordinator, or the state’s own officer. Reports are append-only: this one supersedes the previous report of the same unit.' })
  @ApiOkResponse({ type: ReportResponse, description: 'Replay of an earlier POST with the same Idempotency-Key' })
  @ApiConflictResponse({ description: 'The participation was withdrawn, the item is excluded from the plan, or the Idempotency-Key was used for another state' })
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('stateCode') stateCode: string,
    @Body() dto: CreateReportDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { report, created } = await this.reports.submit(user, programId, stateCode, dto, idempotencyKey);
    res.status(created ? 201 : 200);
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    return report;
  }

  @ImportRoute('reports/import', 'the columns of the reports export. A row without Folio is a new report (institution by name, evidence as links); a row with one must match that stored report', 'the new reports submitted in one transaction (each pending review, audited)')
  @ApiConflictResponse({ description: 'The participation was withdrawn' })
  async import(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('stateCode') stateCode: string,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Headers('accept-language') language: string | undefined,
  ): Promise<ImportResultResponse> {
    const result = await this.imports.import(user, programId, stateCode, file, query.dryRun !== 'false');
    return { ...result, errors: localizeMessages(result.errors, language) };
  }

  @Get('reports')
  @AnyRole()
  @ApiOkResponse({ type: ReportPageResponse, description: 'National roles, or the state’s own officer. Newest first (reportedOn, then creation order).' })
  list(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() query: ReportQueryDto) {
    return this.reports.list(user, programId, stateCode, query);
  }

  @Get('plan/:activityCode/reports')
  @AnyRole()
  @ApiOkResponse({ type: ItemHistoryResponse, description: 'The full history of one plan item, every unit, oldest first; `current` marks each unit’s current report as of today' })
  history(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Param('activityCode') activityCode: string) {
    return this.reports.itemHistory(user, programId, stateCode, activityCode);
  }

  @Get('returned')
  @AnyRole()
  @ApiOkResponse({ type: ReportPageResponse, description: 'Returned reports with their reasons, newest first, until a newer report on the same unit answers them' })
  returned(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() query: PageQueryDto) {
    return this.reports.returned(user, programId, stateCode, query);
  }
}
