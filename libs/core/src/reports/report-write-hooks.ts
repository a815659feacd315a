import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The unit whose reports changed: a plan item, plus the institution for institution-level items. */
export interface ReportUnitKey {
  planItemId: string;
  institutionId: string | null;
  /**
   * The earliest report date the write can change figures from: the new report's `reportedOn`, or the reviewed
   * report's. Derived data dated before it stays as it is; absent means "anything may have changed".
   */
  since?: string;
  /**
   * True when the calling transaction already holds the unit's write lock (`ReportsRepository.lockUnit`, which the
   * reports service takes in the first statement of every report and review transaction): no other write to the
   * unit can commit before this transaction ends. Absent: the listener takes the lock itself before reading.
   */
  locked?: boolean;
}

export interface ReportWriteListener {
  /** Called inside the transaction that wrote the report or its review, before it commits (see `ReportUnitKey.locked`). */
  afterReportWrite(tx: EntityManager, unit: ReportUnitKey): Promise<void>;
}

/**
 * Lets features that derive data from reports (the progress engine) keep it exact in the same transaction,
 * without the reports feature depending on them: they register here at module init.
 */
@Injectable()
export class ReportWriteHooks {
  private readonly listeners: ReportWriteListener[] = [];

  register(listener: ReportWriteListener): void {
    this.listeners.push(listener);
  }

  async afterReportWrite(tx: EntityManager, unit: ReportUnitKey): Promise<void> {
    for (const l of this.listeners) await l.afterReportWrite(tx, unit);
  }
}
