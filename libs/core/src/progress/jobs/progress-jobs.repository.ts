import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../../database/src/base.repository.js';

export interface JobRunRow {
  job: string;
  programId: string;
  runDate: string;
  instanceId: string;
  startedAt: Date;
  finishedAt: Date;
  result: Record<string, unknown>;
}

export interface NewSnapshot {
  programId: string;
  snapshotDate: string;
  scope: string;
  figures: Record<string, unknown>;
}

export interface SnapshotView {
  snapshotDate: string;
  scope: string;
  figures: Record<string, unknown>;
}

/** Namespace of the jobs' advisory locks (first key of the two-int form). */
const LOCK_NAMESPACE = 'rumbo.progress.jobs';

@Injectable()
export class ProgressJobsRepository extends BaseRepository {
  /**
   * Transaction-scoped advisory lock per (job, program): true when this transaction got it. Never waits; the
   * lock goes with the transaction, so a crashed instance cannot keep it.
   */
  async tryLock(job: string, programId: string): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await this.em.query(
      'SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked',
      [LOCK_NAMESPACE, `${job}:${programId}`],
    );
    return locked;
  }

  async findRun(job: string, programId: string, runDate: string): Promise<JobRunRow | null> {
    const [row]: JobRunRow[] = await this.em.query(
      `SELECT job, program_id AS "programId", run_date::text AS "runDate", instance_id AS "instanceId",
              started_at AS "startedAt", finished_at AS "finishedAt", result
         FROM job_run WHERE job = $1 AND program_id = $2 AND run_date = $3`,
      [job, programId, runDate],
    );
    return row ?? null;
  }

  /** Records the run at the end of its transaction: started = the transaction's start, finished = now. */
  async insertRun(run: Omit<JobRunRow, 'startedAt' | 'finishedAt'>): Promise<void> {
    await this.em.query(
      `INSERT INTO job_run (job, program_id, run_date, instance_id, started_at, finished_at, result) VALUES ($1, $2, $3, $4, now(), clock_timestamp(), $5)`,
      [run.job, run.programId, run.runDate, run.instanceId, JSON.stringify(run.result)],
    );
  }

  /** Inserts the snapshots not already there (same program, date and scope); returns how many were new. */
  async insertSnapshots(rows: NewSnapshot[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: unknown[] = await this.em.query(
      `INSERT INTO progress_snapshot (program_id, snapshot_date, scope, figures)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::varchar[], $4::jsonb[])
       ON CONFLICT (program_id, snapshot_date, scope) DO NOTHING
       RETURNING scope`,
      [rows.map((r) => r.programId), rows.map((r) => r.snapshotDate), rows.map((r) => r.scope), rows.map((r) => JSON.stringify(r.figures))],
    );
    return inserted.length;
  }

  /** A program's snapshots of one scope between two dates, oldest first. */
  findSnapshots(programId: string, scope: string, from: string | null, to: string | null): Promise<SnapshotView[]> {
    return this.em.query(
      `SELECT snapshot_date::text AS "snapshotDate", scope, figures
         FROM progress_snapshot
        WHERE program_id = $1 AND scope = $2 AND ($3::date IS NULL OR snapshot_date >= $3) AND ($4::date IS NULL OR snapshot_date <= $4)
        ORDER BY snapshot_date`,
      [programId, scope, from, to],
    );
  }
}
