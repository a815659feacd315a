import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';

export interface DatasetEvidenceRow {
  reportId: string;
  url: string;
  highValue: boolean;
}

export interface ReportMetricsRow {
  reportId: string;
  metrics: Record<string, unknown>;
}

export interface ProgressSnapshotRow {
  snapshotDate: string;
  /** `national` or a state code. */
  scope: string;
  figures: Record<string, unknown>;
}

/**
 * What indicators read besides the progress engine's figures: the evidence and metrics of reports the engine named
 * (current / validated report ids), and the daily progress snapshots (written by the progress jobs). Read-only.
 */
@Injectable()
export class IndicatorsRepository extends BaseRepository {
  /** Dataset evidence of the given reports. */
  async findDatasetEvidence(reportIds: readonly string[]): Promise<DatasetEvidenceRow[]> {
    if (reportIds.length === 0) return [];
    return this.em.query(
      `SELECT report_id AS "reportId", url, high_value AS "highValue"
         FROM evidence
        WHERE report_id = ANY($1::uuid[]) AND kind = 'dataset' AND url IS NOT NULL
        ORDER BY report_id, position`,
      [reportIds],
    );
  }

  /** The metric values of the given reports. */
  async findReportMetrics(reportIds: readonly string[]): Promise<ReportMetricsRow[]> {
    if (reportIds.length === 0) return [];
    return this.em.query(`SELECT id AS "reportId", metrics FROM report WHERE id = ANY($1::uuid[])`, [reportIds]);
  }

  /** Every scope's daily snapshot of a program between two dates (inclusive), oldest first. */
  findProgressSnapshots(programId: string, from: string, to: string): Promise<ProgressSnapshotRow[]> {
    return this.em.query(
      `SELECT snapshot_date::text AS "snapshotDate", scope, figures
         FROM progress_snapshot
        WHERE program_id = $1 AND snapshot_date BETWEEN $2::date AND $3::date
        ORDER BY snapshot_date, scope`,
      [programId, from, to],
    );
  }
}
