import { DataSource, type EntityManager } from 'typeorm';
import { withLongStatements } from '../../../../database/src/long-operation.js';
import { ProgressJobsRepository } from './progress-jobs.repository.js';

export interface JobOutcome {
  job: string;
  programId: string;
  date: string;
  /**
   * `ran`: this call did the work; `already_done`: a run is recorded for that day; `locked`: another instance is
   * running it now; `waiting`: what it needs is not there yet (e.g. the day's deadline notifications), try later.
   */
  outcome: 'ran' | 'already_done' | 'locked' | 'waiting';
  /** The instance recorded as having run it (when known). */
  ranBy: string | null;
  result: Record<string, unknown> | null;
}

/** Returned by a job's work to say it cannot run yet: nothing is recorded, the next schedule tries again. */
export const NOT_YET = Symbol('not yet');

/**
 * Runs one job for one program and day exactly once however many instances try: in one transaction that first
 * takes the (job, program) advisory lock without waiting (another holder means another instance is on it), then
 * looks for the day's `job_run` row (present: already done), does the work and writes that row before committing.
 */
export function runJobOnce(
  dataSource: DataSource,
  jobs: ProgressJobsRepository,
  instanceId: string,
  job: string,
  programId: string,
  date: string,
  work: (tx: EntityManager) => Promise<Record<string, unknown> | typeof NOT_YET>,
): Promise<JobOutcome> {
  // A job computes a whole program's figures in one transaction: the request time limits do not apply to it.
  return dataSource.transaction((tx) =>
    withLongStatements(tx, async (): Promise<JobOutcome> => {
      const repo = jobs.forTx(tx);
      if (!(await repo.tryLock(job, programId))) return { job, programId, date, outcome: 'locked', ranBy: null, result: null };
      const done = await repo.findRun(job, programId, date);
      if (done) return { job, programId, date, outcome: 'already_done', ranBy: done.instanceId, result: done.result };
      const result = await work(tx);
      if (result === NOT_YET) return { job, programId, date, outcome: 'waiting', ranBy: null, result: null };
      await repo.insertRun({ job, programId, runDate: date, instanceId, result });
      return { job, programId, date, outcome: 'ran', ranBy: instanceId, result };
    }),
  );
}
