import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiExport } from '../../../platform/src/openapi/api-export.decorator.js';
import { sendExport, TABLE_FORMATS } from '../../../platform/src/tables/export-file.js';
import { IndicatorExportQueryDto, ProgressExportQueryDto, ReviewRoundExportQueryDto, ROUND_FORMATS, TableExportQueryDto } from './dto/export-query.dto.js';
import { ExportsService } from './exports.service.js';

/** XLSX, CSV and PDF copies of what the dashboard's tables show; same access as the JSON route each mirrors. */
@ApiTags('exports')
@Controller('programs/:programId')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('progress/export')
  @AnyRole()
  @ApiExport(TABLE_FORMATS, 'Any role: the national row and each participating state’s figures as of asOf, as GET /programs/:programId/progress')
  async progress(@Param('programId') programId: string, @Query() q: ProgressExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.exports.nationalProgress(programId, q));
  }

  @Get('states/:stateCode/progress/export')
  @AnyRole()
  @ApiExport(TABLE_FORMATS, 'Any role: one state’s plan items with their figures as of asOf, as GET …/states/:stateCode/progress')
  async stateProgress(@Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() q: ProgressExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.exports.stateProgress(programId, stateCode, q));
  }

  @Get('indicators/export')
  @AnyRole()
  @ApiExport(TABLE_FORMATS, 'Any role: the indicators nationally or of stateCode as of asOf, as GET /programs/:programId/indicators')
  async indicators(@Param('programId') programId: string, @Query() q: IndicatorExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.exports.indicatorList(programId, q));
  }

  @Get('states/:stateCode/reports/export')
  @AnyRole()
  @ApiExport(TABLE_FORMATS, 'National roles and the state’s own officer: every report of the state, newest first')
  async reports(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() q: TableExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.exports.stateReports(user, programId, stateCode, q));
  }

  @Get('states/:stateCode/institutions/export')
  @AnyRole()
  @ApiExport(TABLE_FORMATS, 'National roles and the state’s own officer: the state’s institutions')
  async institutions(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Query() q: TableExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.exports.stateInstitutions(user, programId, stateCode, q));
  }

  @Get('review-rounds/:code/export')
  @AnyRole()
  @ApiExport(ROUND_FORMATS, 'Any role: a frozen review round as the commission’s report (PDF: figures, chart, findings with due dates, agreement) or as a workbook (one sheet per table); a state officer gets its own state’s findings only')
  async reviewRound(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('code') code: string, @Query() q: ReviewRoundExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.exports.reviewRound(user, programId, code, q.format));
  }
}
