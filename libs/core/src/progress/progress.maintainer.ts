import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReportWriteHooks, type ReportUnitKey, type ReportWriteListener } from '../reports/report-write-hooks.js';
import { unitSnapshot } from './progress-math.js';
import { ProgressRepository } from './progress.repository.js';
import { STATE_UNIT_KEY } from './unit-progress.entity.js';

/** Beyond any report date: a snapshot "as of the end of time" is the snapshot over all reports. */
const END_OF_TIME = '9999-12-31';

/**
 * Keeps `unit_progress` and `progress_version` exact in the same transaction as every report and review: the
 * reports service calls `afterReportWrite` (through `ReportWriteHooks`) before it commits. The unit's row is
 * locked first, so two writes to one unit recompute one after the other, the second seeing the first's report.
 * The unit snapshot itself is the engine's `unitSnapshot` over the unit's reports (a unit has few), so the
 * maintained numbers come from the same code as the from-scratch ones.
 */
@Injectable()
export class ProgressMaintainer implements ReportWriteListener, OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ProgressMaintainer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly hooks: ReportWriteHooks,
    private readonly progress: ProgressRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /** A database that has reports but no unit_progress yet (created before this feature) is initialised once. */
  async onApplicationBootstrap(): Promise<void> {
    const [{ needed }]: { needed: boolean }[] = await this.dataSource.query(
      'SELECT EXISTS (SELECT 1 FROM report) AND NOT EXISTS (SELECT 1 FROM unit_progress) AS needed',
    );
    if (!needed) return;
    const units = await this.rebuild();
    this.logger.log(`unit_progress initialised from report history: ${units} units`);
  }

  async afterReportWrite(tx: EntityManager, unit: ReportUnitKey): Promise<void> {
    const repo = this.progress.forTx(tx);
    const key = unit.institutionId ?? STATE_UNIT_KEY;
    await repo.lockUnit(unit.planItemId, key);
    const reports = await repo.findUnitReports(unit.planItemId, unit.institutionId);
    const snapshot = unitSnapshot(unit.planItemId, unit.institutionId, reports, END_OF_TIME);
    await repo.saveUnit(key, snapshot);
    await repo.touchStateOfItem(unit.planItemId, snapshot.current?.reportedOn ?? null);
  }

  /**
   * Recomputes `unit_progress` of one program (or all) from report history in one transaction, blocking report
   * writes meanwhile; bumps the versions. For initialisation, bulk loads (the benchmark) and repairs.
   */
  rebuild(programId: string | null = null): Promise<number> {
    return this.dataSource.transaction((tx) => this.progress.forTx(tx).rebuild(programId));
  }
}
