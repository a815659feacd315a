import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { ImportResultResponse } from '../imports/dto/import-result.response.js';
import { ImportBatchesRepository } from '../imports/import-batches.repository.js';
import { alreadyImported, importRefused, readUpload, type ImportUpload } from '../imports/import-upload.js';
import type { TabularFile } from '../imports/tabular-file.js';
import { InstitutionsRepository } from '../institutions/institutions.repository.js';
import { lockOpenParticipation } from '../plans/open-participation.js';
import type { Participation } from '../plans/participation.entity.js';
import { ParticipationsRepository } from '../plans/participations.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import { PlanItemsRepository } from '../plans/plan-items.repository.js';
import type { Program } from '../programs/program.entity.js';
import { planReportImport, reportIdsNamedIn, type PlannedReport, type ReportImportPlan } from './report-import-plan.js';
import { ReportWriteHooks } from './report-write-hooks.js';
import { ReportsRepository } from './reports.repository.js';

interface Repos {
  planItems: PlanItemsRepository;
  institutions: InstitutionsRepository;
  reports: ReportsRepository;
}

/**
 * Reports from a CSV or XLSX (the export's columns), by the state's officer or the coordination: a dry run says
 * what each row would do and every error, writing nothing; a confirmed import submits the new reports in one
 * transaction — each as the form would (audited, its progress kept exact, waiting for review) — once per file.
 */
@Injectable()
export class ReportsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly participations: ParticipationsRepository,
    private readonly planItems: PlanItemsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly reports: ReportsRepository,
    private readonly batches: ImportBatchesRepository,
    private readonly audit: AuditRepository,
    private readonly hooks: ReportWriteHooks,
  ) {}

  async import(user: AuthUser, programIdOrCode: string, stateCode: string, upload: ImportUpload | undefined, dryRun: boolean): Promise<ImportResultResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const { file, fileHash, fileName, base } = await readUpload('reports', upload, dryRun);

    if (dryRun) {
      const { program, participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
      const plan = await this.plan({ planItems: this.planItems, institutions: this.institutions, reports: this.reports }, participation, program, stateCode, file);
      const previous = await this.batches.findByHash(participation.id, 'reports', fileHash);
      return { ...base, ...summary(plan), alreadyImported: previous !== null, importedAt: previous?.createdAt.toISOString() ?? null };
    }

    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const participation = await lockOpenParticipation(this.participations, tx, program, stateCode, 'reports');
      const batches = this.batches.forTx(tx);
      await batches.lockFile(participation.id, 'reports', fileHash);
      const previous = await batches.findByHash(participation.id, 'reports', fileHash);
      if (previous) return { ...base, ...alreadyImported(previous) };
      const repos = { planItems: this.planItems.forTx(tx), institutions: this.institutions.forTx(tx), reports: this.reports.forTx(tx) };
      const plan = await this.plan(repos, participation, program, stateCode, file);
      if (plan.errors.length) throw importRefused(plan.errors);
      const rows = await this.submit(tx, user, program, stateCode, plan.rows, fileName);
      const s = { ...summary(plan), rows };
      const batch = await batches.insert({ participationId: participation.id, kind: 'reports', fileHash, fileName, rowCount: file.rows.length, created: s.created, updated: 0, unchanged: s.unchanged, actorId: user.id });
      await this.audit.forTx(tx).record({ actor: user, action: 'reports.import', entityType: 'import_batch', entityId: batch.id, programId: program.id, stateCode, after: { fileName: batch.fileName, fileHash, created: s.created, unchanged: s.unchanged } });
      return { ...base, ...s, alreadyImported: false, importedAt: batch.createdAt.toISOString() };
    });
  }

  private async plan(repos: Repos, participation: Participation, program: Program, stateCode: string, file: TabularFile): Promise<ReportImportPlan> {
    const [items, institutions, stored, formats] = await Promise.all([
      repos.planItems.findByParticipation(participation.id),
      repos.institutions.findByParticipation(participation.id),
      repos.reports.findInParticipation(participation.id, reportIdsNamedIn(file)),
      repos.reports.findPlanFormats(participation.id),
    ]);
    return planReportImport(file, {
      stateCode,
      today: this.clock.today(program.timeZone),
      stateJoinedOn: participation.joinedOn,
      items: items.map((i) => ({ id: i.id, activityCode: i.activity.code, included: i.included, level: i.activity.level, metrics: i.activity.metrics, evidenceKinds: i.activity.evidenceKinds, completionNeedsEvidence: i.activity.completionNeedsEvidence, formats: formats.get(i.activity.code) ?? [] })),
      institutions,
      stored: new Map(stored.map((v) => [v.report.id, { ...v.report, activityCode: v.activityCode, institutionName: v.institutionName }])),
    });
  }

  /**
   * Submits the new reports in the file's order, as the form would: each audited, then what is derived from the
   * reports brought up to date once per unit. The units' write locks are taken first, in one fixed order, so two
   * imports into the same state cannot deadlock each other. Returns the rows with the new reports' ids.
   */
  private async submit(tx: EntityManager, user: AuthUser, program: Program, stateCode: string, rows: PlannedReport[], fileName: string) {
    const reports = this.reports.forTx(tx);
    const audit = this.audit.forTx(tx);
    const units = new Map<string, { planItemId: string; institutionId: string | null; since: string }>();
    for (const { report: r } of rows) {
      if (!r) continue;
      const key = `${r.planItemId}/${r.institutionId ?? ''}`;
      const unit = units.get(key);
      if (!unit || r.reportedOn < unit.since) units.set(key, { planItemId: r.planItemId, institutionId: r.institutionId, since: r.reportedOn });
    }
    const sorted = [...units.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, u]) => u);
    for (const u of sorted) await reports.lockUnit(u.planItemId, u.institutionId);

    const done = [];
    for (const row of rows) {
      const r = row.report;
      if (!r) {
        done.push(row);
        continue;
      }
      const { evidence, activityCode, ...fields } = r;
      const inserted = await reports.insertSubmitted({ ...fields, authorId: user.id, idempotencyKey: null }, evidence);
      // No Idempotency-Key, so nothing can conflict: an insert always returns its row.
      const id = inserted!.id;
      await audit.record({
        actor: user,
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        programId: program.id,
        stateCode,
        after: { activityCode, institutionId: r.institutionId, status: r.status, percent: r.percent, reportedOn: r.reportedOn, metrics: r.metrics, evidence: evidence.map((e) => ({ kind: e.kind, title: e.title, url: e.url })) },
        justification: `import: ${fileName}`,
      });
      done.push({ ...row, reportId: id });
    }
    for (const u of sorted) await this.hooks.afterReportWrite(tx, { ...u, locked: true });
    return done.map(toRowResponse);
  }
}

function toRowResponse(r: PlannedReport) {
  return { line: r.line, action: r.action, recordId: r.reportId, label: r.label, changes: [] };
}

function summary(plan: ReportImportPlan) {
  const created = plan.rows.filter((r) => r.action === 'create').length;
  return { created, updated: 0, unchanged: plan.rows.length - created, errors: plan.errors, rows: plan.rows.map(toRowResponse) };
}
