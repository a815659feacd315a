import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays } from '../../../../platform/src/util/dates.js';
import type { NotificationResolution } from '../../notifications/notification.entity.js';
import { NotificationsRepository, type NewNotification } from '../../notifications/notifications.repository.js';
import type { ItemProgress } from '../progress-types.js';
import { round1 } from '../progress-math.js';
import { ProgressService } from '../progress.service.js';
import { ProgressRepository } from '../progress.repository.js';
import { runJobOnce, type JobOutcome } from './job-once.js';
import { ProgressJobsRepository, type NewSnapshot } from './progress-jobs.repository.js';

export type { JobOutcome } from './job-once.js';

export const DAILY_JOBS = ['deadline-notifications', 'progress-snapshot'] as const;
export type DailyJob = (typeof DAILY_JOBS)[number];

/** Items due within this many days (counting from the job's date) are announced as `due_soon`. */
export const DUE_SOON_DAYS = 7;

/**
 * The daily jobs of the progress engine, per active program and day (the program's "today" by default):
 * `deadline-notifications` stores a notification for each included item that became overdue or is due within
 * 7 days (once per item, kind and due date) and resolves the open ones whose item reached 100 %, was excluded or
 * re-planned (`resolvedOn`, `resolution`), and `progress-snapshot` stores the national and per-state figures
 * of the day for trend charts.
 *
 * Once per day however many API instances run (`runJobOnce`: an advisory lock and the day's `job_run` row, in the
 * job's transaction). The inserts are idempotent on their own too (unique keys, ON CONFLICT DO NOTHING).
 *
 * Schedule (`ScheduledJobs`): `RUMBO_DAILY_JOBS_CRON`, by default 02:00, 03:00 and 04:00 America/Mexico_City.
 * The first attempt of the day does the work; the later ones find it done, or redo it if the earlier one failed.
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

  /** The scheduled run: today's jobs, logged; a failure is logged, the next schedule tries again. */
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
    return runJobOnce(this.dataSource, this.jobs, this.instanceId, job, programId, date, work);
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
