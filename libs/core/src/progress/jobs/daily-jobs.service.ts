import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { withLongStatements } from '../../../../database/src/long-operation.js';
import { addDays } from '../../../../platform/src/util/dates.js';
import type { NotificationResolution } from '../../notifications/notification.entity.js';
import { NotificationsRepository, type NewNotification } from '../../notifications/notifications.repository.js';
import type { ItemProgress } from '../progress-types.js';
import { round1 } from '../progress-math.js';
import { ProgressService } from '../progress.service.js';
import { ProgressRepository } from '../progress.repository.js';
import { ProgressJobsRepository, type NewSnapshot } from './progress-jobs.repository.js';

export const DAILY_JOBS = ['deadline-notifications', 'progress-snapshot'] as const;
export type DailyJob = (typeof DAILY_JOBS)[number];

/** Items due within this many days (counting from the job's date) are announced as `due_soon`. */
export const DUE_SOON_DAYS = 7;

export interface JobOutcome {
  job: DailyJob;
  programId: string;
  date: string;
  /** `ran`: this call did the work; `already_done`: a run is recorded for that day; `locked`: another instance is running it now. */
  outcome: 'ran' | 'already_done' | 'locked';
  /** The instance recorded as having run it (when known). */
  ranBy: string | null;
  result: Record<string, unknown> | null;
}

/**
 * The daily jobs of the progress engine, per active program and day (the program's "today" by default):
 * `deadline-notifications` stores a notification for each included item that became overdue or is due within
 * 7 days (once per item, kind and due date) and resolves the open ones whose item reached 100 %, was excluded or
 * re-planned (`resolvedOn`, `resolution`), and `progress-snapshot` stores the national and per-state figures
 * of the day for trend charts.
 *
 * Once per day however many API instances run: each job runs in one transaction that first takes a PostgreSQL
 * advisory lock for (job, program) without waiting (another holder means another instance is on it), then looks
 * for the day's `job_run` row (present: already done), does the work and writes that row before committing.
 * The inserts are idempotent on their own too (unique keys, ON CONFLICT DO NOTHING).
 *
 * Schedule: 02:00, 03:00 and 04:00 America/Mexico_City (the default program time zone). The first attempt of
 * the day does the work; the later ones find it done, or redo it if the earlier one failed.
 */
@Injectable()
export class DailyJobsService {
  private readonly logger = new Logger(DailyJobsService.name);
  /** Recorded in `job_run`, so an operator can tell which instance did a day's work. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly progressService: ProgressService,
    private readonly progress: ProgressRepository,
    private readonly jobs: ProgressJobsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  @Cron('0 2,3,4 * * *', { name: 'progress-daily-jobs', timeZone: 'America/Mexico_City' })
  async onSchedule(): Promise<void> {
    try {
      const outcomes = await this.runDailyJobs();
      for (const o of outcomes.filter((x) => x.outcome === 'ran')) this.logger.log(`${o.job} ${o.programId} ${o.date}: ${JSON.stringify(o.result)}`);
    } catch (e) {
      this.logger.error(`daily jobs failed: ${(e as Error).message}`, (e as Error).stack);
    }
  }

  /** Runs both jobs for every active program, for `date` (default: today in each program's time zone). */
  async runDailyJobs(date?: string): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const programId of await this.progress.findActiveProgramIds()) {
      const day = date ?? (await this.progressService.today(programId));
      outcomes.push(await this.runOnce('deadline-notifications', programId, day, (tx) => this.detectDeadlines(tx, programId, day)));
      outcomes.push(await this.runOnce('progress-snapshot', programId, day, (tx) => this.snapshot(tx, programId, day)));
    }
    return outcomes;
  }

  private runOnce(job: DailyJob, programId: string, date: string, work: (tx: EntityManager) => Promise<Record<string, unknown>>): Promise<JobOutcome> {
    // A job computes a whole program's figures in one transaction: the request time limits do not apply to it.
    return this.dataSource.transaction((tx) =>
      withLongStatements(tx, async (): Promise<JobOutcome> => {
        const repo = this.jobs.forTx(tx);
        if (!(await repo.tryLock(job, programId))) return { job, programId, date, outcome: 'locked', ranBy: null, result: null };
        const done = await repo.findRun(job, programId, date);
        if (done) return { job, programId, date, outcome: 'already_done', ranBy: done.instanceId, result: done.result };
        const result = await work(tx);
        await repo.insertRun({ job, programId, runDate: date, instanceId: this.instanceId, result });
        return { job, programId, date, outcome: 'ran', ranBy: this.instanceId, result };
      }),
    );
  }

  /**
   * Included items below 100 % that are overdue on `date`, or due within DUE_SOON_DAYS from it, become
   * notifications (a resolved one for the same item, kind and due date is reopened). Then every open notification
   * whose item, as of `date`, reached 100 % (`completed`), was excluded (`excluded`) or no longer has that due date
   * (`rescheduled`) is resolved on `date`. Items of states not participating on `date` are left as they are.
   */
  private async detectDeadlines(tx: EntityManager, programId: string, date: string): Promise<Record<string, unknown>> {
    const figures = await this.progressService.programProgress(programId, date);
    const horizon = addDays(date, DUE_SOON_DAYS);
    const rows: NewNotification[] = [];
    const items = new Map<string, ItemProgress>();
    for (const state of figures.states) {
      for (const item of state.items) {
        items.set(item.itemId, item);
        if (!item.included || item.progress >= 100) continue;
        const kind = item.overdue ? 'overdue' : item.plannedDue >= date && item.plannedDue <= horizon ? 'due_soon' : null;
        if (kind === null) continue;
        rows.push({ programId, stateCode: state.stateCode, planItemId: item.itemId, kind, dueOn: item.plannedDue, detectedOn: date, progress: round1(item.progress) });
      }
    }
    const notifications = this.notifications.forTx(tx);
    const { inserted, reopened } = await notifications.insertMissing(rows);
    const resolutions: { id: string; resolution: NotificationResolution }[] = [];
    for (const n of await notifications.findOpen(programId)) {
      const item = items.get(n.planItemId);
      if (item === undefined) continue;
      const resolution = !item.included ? 'excluded' : item.progress >= 100 ? 'completed' : item.plannedDue !== n.dueOn ? 'rescheduled' : null;
      if (resolution !== null) resolutions.push({ id: n.id, resolution });
    }
    const resolved = await notifications.resolve(resolutions, date);
    return {
      overdue: rows.filter((r) => r.kind === 'overdue').length,
      dueSoon: rows.filter((r) => r.kind === 'due_soon').length,
      inserted,
      reopened,
      resolved,
    };
  }

  /** The day's national figures and each participating state's summary, unrounded. */
  private async snapshot(tx: EntityManager, programId: string, date: string): Promise<Record<string, unknown>> {
    const figures = await this.progressService.programProgress(programId, date);
    const rows: NewSnapshot[] = [
      { programId, snapshotDate: date, scope: 'national', figures: { ...figures.national.national, arithmetic: figures.national.arithmetic, thresholds: figures.national.thresholds } },
      ...figures.states.map((s) => ({
        programId,
        snapshotDate: date,
        scope: s.stateCode,
        figures: {
          progress: s.progress,
          validatedProgress: s.validatedProgress,
          expected: s.expected,
          variance: s.variance,
          status: s.status,
          institutions: s.institutions,
          completedItems: s.completedItems,
          overdueItems: s.overdueItems,
          dueItems: s.dueItems,
          completedOnTimeItems: s.completedOnTimeItems,
          onTimeRate: s.onTimeRate,
          arithmetic: s.arithmetic,
        },
      })),
    ];
    const inserted = await this.jobs.forTx(tx).insertSnapshots(rows);
    return { scopes: rows.length, inserted };
  }
}
