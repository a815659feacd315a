import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../../platform/src/config/app-config.js';
import { addDays, parseDate } from '../../../platform/src/util/dates.js';
import { NotificationsRepository, type NotificationView } from '../notifications/notifications.repository.js';
import { DailyJobsService } from '../progress/jobs/daily-jobs.service.js';
import { NOT_YET, runJobOnce, type JobOutcome } from '../progress/jobs/job-once.js';
import { ProgressJobsRepository } from '../progress/jobs/progress-jobs.repository.js';
import { ProgressRepository } from '../progress/progress.repository.js';
import { ProgressService } from '../progress/progress.service.js';
import { ReplanRequestsRepository } from '../plans/replan-requests.repository.js';
import { ReportsRepository } from '../reports/reports.repository.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { deadlineNotice, nationalDigest, stateDigest, type MailProgram } from './mail-content.js';
import { EmailMessagesRepository, type NewEmail } from './email-messages.repository.js';
import { MailTransport } from './mail-transport.js';

export const MAIL_JOBS = ['deadline-emails', 'weekly-digest'] as const;

/** The Monday of the week `date` falls in (weeks run Monday to Sunday). */
export function weekOf(date: string): string {
  const weekday = new Date(parseDate(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Decides who gets which email and queues it (`email_message`), once per program and occasion however many
 * instances run the schedule (`runJobOnce`: the job's advisory lock and its `job_run` row, in the same transaction
 * as the queued rows). Sending is the outbox's (`MailOutbox`). With SMTP_URL unset nothing is queued.
 *
 * - `deadline-emails` (after the daily jobs, for the same day): the items that became overdue or due within 7 days
 *   that day — to each active officer of the state, and one email with every state's to each coordinator. It waits
 *   (`waiting`) until the day's deadline notifications are recorded, so it never runs on a day's partial data.
 * - `weekly-digest` (RUMBO_DIGEST_CRON, once per week — the job's date is the week's Monday): the national figures,
 *   the lagging states and (coordination) the review queue to each coordinator and reviewer; its state's figures
 *   and open deadline notices to each state officer.
 */
@Injectable()
export class MailJobsService {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly dailyJobs: DailyJobsService,
    private readonly jobs: ProgressJobsRepository,
    private readonly progress: ProgressRepository,
    private readonly progressService: ProgressService,
    private readonly notifications: NotificationsRepository,
    private readonly reports: ReportsRepository,
    private readonly replanRequests: ReplanRequestsRepository,
    private readonly users: UsersRepository,
    private readonly outbox: EmailMessagesRepository,
    private readonly transport: MailTransport,
  ) {}

  /** Queues the deadline emails of `date` (default: today in each program's time zone) for every active program. */
  queueDeadlineNotices(date?: string): Promise<JobOutcome[]> {
    return this.forEachProgram('deadline-emails', date, (day) => day, (tx, programId, day) => this.deadlineEmails(tx, programId, day));
  }

  /** Queues the weekly digests of the week `date` falls in (default: this week) for every active program. */
  queueWeeklyDigests(date?: string): Promise<JobOutcome[]> {
    return this.forEachProgram('weekly-digest', date, weekOf, (tx, programId, monday, day) => this.digests(tx, programId, monday, day));
  }

  private async forEachProgram(
    job: (typeof MAIL_JOBS)[number],
    date: string | undefined,
    occasionOf: (day: string) => string,
    work: (tx: EntityManager, programId: string, occasion: string, day: string) => Promise<Record<string, unknown> | typeof NOT_YET>,
  ): Promise<JobOutcome[]> {
    if (!this.transport.enabled) return [];
    const outcomes: JobOutcome[] = [];
    for (const programId of await this.progress.findActiveProgramIds()) {
      const day = date ?? (await this.progressService.today(programId));
      const occasion = occasionOf(day);
      outcomes.push(await runJobOnce(this.dataSource, this.jobs, this.dailyJobs.instanceId, job, programId, occasion, (tx) => work(tx, programId, occasion, day)));
    }
    return outcomes;
  }

  private async deadlineEmails(tx: EntityManager, programId: string, date: string): Promise<Record<string, unknown> | typeof NOT_YET> {
    if (!(await this.jobs.forTx(tx).findRun('deadline-notifications', programId, date))) return NOT_YET;
    const notices = await this.notifications.forTx(tx).findOpenViews(programId, date);
    const program = await this.mailProgram(programId);
    const byState = groupBy(notices, (n) => n.stateCode);
    const emails: NewEmail[] = [];
    for (const user of await this.users.forTx(tx).findActiveRecipients()) {
      const mine = user.role === 'coordinator' ? notices : user.role === 'state_officer' ? (byState.get(user.stateCode!) ?? []) : [];
      if (!mine.length) continue;
      const text = deadlineNotice(program, date, mine, user.role === 'state_officer' ? mine[0].stateName : null);
      emails.push(email('deadline_notice', programId, date, user, text));
    }
    return { notices: notices.length, queued: await this.outbox.forTx(tx).queue(emails) };
  }

  private async digests(tx: EntityManager, programId: string, monday: string, day: string): Promise<Record<string, unknown>> {
    const figures = await this.progressService.programProgress(programId, day);
    const program = await this.mailProgram(programId);
    const names = new Map(figures.participations.map((p) => [p.stateCode, p.stateName]));
    const open = groupBy(await this.notifications.forTx(tx).findOpenViews(programId, null), (n) => n.stateCode);
    const lagging = figures.states.filter((s) => s.status === 'off_track').map((s) => ({ stateName: names.get(s.stateCode)!, progress: s.progress, expected: s.expected }));
    const pendingReviews = (await this.reports.forTx(tx).findReviewQueue(programId, undefined, 1, 0)).total;
    const pendingReplans = (await this.replanRequests.forTx(tx).findPage({ programId, stateCode: null, status: 'pending', limit: 1, offset: 0 })).total;
    const national = { weekOf: monday, asOf: figures.asOf, national: figures.national.national, lagging };
    const emails: NewEmail[] = [];
    for (const user of await this.users.forTx(tx).findActiveRecipients()) {
      if (user.role === 'coordinator' || user.role === 'reviewer') {
        const coordination = user.role === 'coordinator';
        const text = nationalDigest(program, { ...national, pendingReviews: coordination ? pendingReviews : null, pendingReplans: coordination ? pendingReplans : null }, user.role);
        emails.push(email('weekly_digest', programId, monday, user, text));
      } else if (user.role === 'state_officer') {
        const state = figures.states.find((s) => s.stateCode === user.stateCode);
        if (!state) continue; // its state does not take part (or no longer does)
        emails.push(email('weekly_digest', programId, monday, user, stateDigest(program, monday, state, names.get(state.stateCode)!, open.get(state.stateCode) ?? [])));
      }
    }
    return { asOf: figures.asOf, queued: await this.outbox.forTx(tx).queue(emails) };
  }

  private async mailProgram(programId: string): Promise<MailProgram> {
    const head = await this.progress.findHead(programId);
    return { code: head!.code, name: head!.name, url: this.config.RUMBO_PUBLIC_URL };
  }
}

function email(kind: NewEmail['kind'], programId: string, occasion: string, user: User, text: { subject: string; body: string }): NewEmail {
  return { kind, programId, occasion, recipientId: user.id, recipientEmail: user.email, subject: text.subject, body: text.body };
}

function groupBy(items: readonly NotificationView[], key: (n: NotificationView) => string): Map<string, NotificationView[]> {
  const out = new Map<string, NotificationView[]>();
  for (const n of items) out.set(key(n), [...(out.get(key(n)) ?? []), n]);
  return out;
}
