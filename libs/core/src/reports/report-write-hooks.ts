import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The unit whose reports changed: a plan item, plus the institution for institution-level items. */
export interface ReportUnitKey {
  planItemId: string;
  institutionId: string | null;
}

export interface ReportWriteListener {
  /** Called inside the transaction that wrote the report or its review, before it commits. */
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
