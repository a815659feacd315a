import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { withLongStatements } from '../../../database/src/long-operation.js';
import { ReportWriteHooks, type ReportUnitKey, type ReportWriteListener } from '../reports/report-write-hooks.js';
import { ReportsRepository } from '../reports/reports.repository.js';
import { ProgressRepository } from './progress.repository.js';

/**
 * Keeps `unit_progress`, `unit_progress_step` and `progress_version` exact in the same transaction as every report
 * and review: the reports service calls `afterReportWrite` (through `ReportWriteHooks`) before it commits. Writes
 * to one unit hold its write lock (`ReportsRepository.lockUnit`), so they recompute one after the other, the second
 * seeing the first's report. The unit is recomputed from its reports (a unit has few) by the same SQL as `rebuild`, whose
 * results the property tests hold equal to the pure engine's `unitSteps` / `unitSnapshot`.
 */
@Injectable()
export class ProgressMaintainer implements ReportWriteListener, OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ProgressMaintainer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly hooks: ReportWriteHooks,
    private readonly progress: ProgressRepository,
    private readonly reports: ReportsRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /**
   * A database that has reports but no unit_progress yet (created before this feature), or counting reports but no
   * steps yet (created before the steps), is initialised once.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.progress.needsRebuild())) return;
    const units = await this.rebuild();
    this.logger.log(`unit_progress initialised from report history: ${units} units`);
  }

  /**
   * One statement when the caller holds the unit's write lock (the reports service always does): recompute the unit
   * from its reports and store its snapshot, the steps of its history from `since` on, and the state's version
   * (`ProgressRepository.refreshUnit`). Otherwise the lock is taken first, in its own statement, so the reports read
   * include those of any concurrent write to the unit.
   */
  async afterReportWrite(tx: EntityManager, unit: ReportUnitKey): Promise<void> {
    if (!unit.locked) await this.reports.forTx(tx).lockUnit(unit.planItemId, unit.institutionId);
    await this.progress.forTx(tx).refreshUnit(unit.planItemId, unit.institutionId, unit.since ?? null);
  }

  /**
   * Recomputes `unit_progress` of one program (or all) from report history in one transaction, blocking report
   * writes meanwhile; bumps the versions. For initialisation, bulk loads (the benchmark) and repairs. Its statements
   * read the whole report history, so the request time limits do not apply to them.
   */
  rebuild(programId: string | null = null): Promise<number> {
    return this.dataSource.transaction((tx) => withLongStatements(tx, () => this.progress.forTx(tx).rebuild(programId)));
  }
}
