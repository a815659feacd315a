import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/src/clock/clock.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { pdfBuffer } from '../../../platform/src/tables/pdf.js';
import { tableFile, type ExportFile } from '../../../platform/src/tables/export-file.js';
import { workbookBuffer } from '../../../platform/src/tables/xlsx.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { ProgressService } from '../progress/progress.service.js';
import type { ReportResponse } from '../reports/dto/report.response.js';
import { ReportsService } from '../reports/reports.service.js';
import { ReviewRoundsService } from '../reviews/review-rounds.service.js';
import type { IndicatorExportQueryDto, ProgressExportQueryDto, RoundFormat, TableExportQueryDto } from './dto/export-query.dto.js';
import { reviewRoundReport } from './review-round-pdf.js';
import { indicatorsTable } from './tables/indicator-tables.js';
import { institutionsTable } from '../institutions/institution-tables.js';
import { stateFiguresTable, stateItemsTable } from '../progress/progress-tables.js';
import { reportsTable } from '../reports/report-tables.js';
import { reviewRoundTables } from './tables/review-round-tables.js';

const REPORT_PAGE = 500;

/**
 * Files for people who work outside the dashboard. Each one is built from the very response the JSON route
 * gives (same service call, same access rules), so an export never disagrees with the screen.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly progress: ProgressService,
    private readonly indicators: IndicatorsService,
    private readonly reports: ReportsService,
    private readonly institutions: InstitutionsService,
    private readonly reviewRounds: ReviewRoundsService,
    private readonly programs: ProgramsRepository,
    private readonly clock: Clock,
  ) {}

  async nationalProgress(programId: string, q: ProgressExportQueryDto): Promise<ExportFile> {
    const p = await this.progress.getNational(programId, { asOf: q.asOf });
    return tableFile(stateFiguresTable(p), q.format, `avance-${p.programCode}-${p.asOf}`, `Avance por entidad al ${p.asOf}`);
  }

  async stateProgress(programId: string, stateCode: string, q: ProgressExportQueryDto): Promise<ExportFile> {
    const s = await this.progress.getState(programId, stateCode, { asOf: q.asOf });
    return tableFile(stateItemsTable(s), q.format, `actividades-${s.programCode}-${s.stateCode}-${s.asOf}`, `Actividades de ${s.stateName} al ${s.asOf}`);
  }

  async indicatorList(programId: string, q: IndicatorExportQueryDto): Promise<ExportFile> {
    const list = await this.indicators.list(programId, { asOf: q.asOf, stateCode: q.stateCode });
    return tableFile(indicatorsTable(list), q.format, `indicadores-${list.programCode}-${list.scope === 'national' ? 'nacional' : list.scope}-${list.asOf}`, `Indicadores al ${list.asOf}`);
  }

  /** Every report of the state, newest first (read page by page through the listing, with its access check). */
  async stateReports(user: AuthUser, programId: string, stateCode: string, q: TableExportQueryDto): Promise<ExportFile> {
    const all: ReportResponse[] = [];
    for (let offset = 0; ; offset += REPORT_PAGE) {
      const page = await this.reports.list(user, programId, stateCode, { limit: REPORT_PAGE, offset });
      all.push(...page.items);
      if (page.items.length < REPORT_PAGE || all.length >= page.total) break;
    }
    return tableFile(reportsTable(stateCode, all), q.format, `reportes-${await this.codeOf(programId)}-${stateCode}`, `Reportes de la entidad ${stateCode}`);
  }

  async stateInstitutions(user: AuthUser, programId: string, stateCode: string, q: TableExportQueryDto): Promise<ExportFile> {
    const list = await this.institutions.list(user, programId, stateCode);
    return tableFile(institutionsTable(stateCode, list), q.format, `instituciones-${await this.codeOf(programId)}-${stateCode}`, `Instituciones de la entidad ${stateCode}`);
  }

  /** The frozen round as the commission's report (PDF) or as a workbook with one sheet per table. */
  async reviewRound(user: AuthUser, programId: string, code: string, format: RoundFormat): Promise<ExportFile> {
    const round = await this.reviewRounds.get(user, programId, code);
    const program = await this.programs.findByIdOrCode(programId);
    const programCode = program?.code ?? programId;
    const baseName = `ronda-${programCode}-${round.code}`;
    if (format === 'xlsx') return { baseName, format, body: await workbookBuffer(reviewRoundTables(round, programCode), { title: `Ronda de revisión ${round.code}` }) };
    const doc = reviewRoundReport(round, { programName: program?.name ?? programCode, programCode, generatedAt: this.clock.now().toISOString() });
    return { baseName, format, body: await pdfBuffer(doc) };
  }

  private async codeOf(programId: string): Promise<string> {
    return (await this.programs.findByIdOrCode(programId))?.code ?? programId;
  }
}

