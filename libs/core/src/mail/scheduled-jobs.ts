import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig } from '../../../platform/src/config/app-config.js';
import { DailyJobsService } from '../progress/jobs/daily-jobs.service.js';
import { MailJobsService } from './mail-jobs.service.js';
import { MailOutbox } from './mail-outbox.js';
import { MailTransport } from './mail-transport.js';

/**
 * Every schedule, with its time from the settings (read in RUMBO_JOBS_TIME_ZONE):
 * RUMBO_DAILY_JOBS_CRON runs the daily jobs, then queues that day's deadline emails and sends them;
 * RUMBO_DIGEST_CRON queues the week's digests and sends them; RUMBO_MAIL_RETRY_CRON sends what is still queued.
 * The email schedules exist only with SMTP_URL set. Failures are logged; the next run tries again.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduledJobs.name);

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly dailyJobs: DailyJobsService,
    private readonly mailJobs: MailJobsService,
    private readonly outbox: MailOutbox,
    private readonly mail: MailTransport,
  ) {}

  onApplicationBootstrap(): void {
    this.add('daily-jobs', this.config.RUMBO_DAILY_JOBS_CRON, async () => {
      await this.dailyJobs.onSchedule();
      if (this.mail.enabled) {
        await this.mailJobs.queueDeadlineNotices();
        await this.outbox.deliverPending();
      }
    });
    if (!this.mail.enabled) return;
    this.add('weekly-digest', this.config.RUMBO_DIGEST_CRON, async () => {
      await this.mailJobs.queueWeeklyDigests();
      await this.outbox.deliverPending();
    });
    this.add('mail-retry', this.config.RUMBO_MAIL_RETRY_CRON, () => this.outbox.deliverPending().then(() => undefined));
  }

  private add(name: string, cronTime: string, run: () => Promise<void>): void {
    const job = CronJob.from({
      cronTime,
      timeZone: this.config.RUMBO_JOBS_TIME_ZONE,
      // One run at a time per schedule on this instance; other instances are kept out by the jobs' own locks.
      waitForCompletion: true,
      onTick: () => run().catch((e: Error) => this.logger.error(`${name} failed: ${e.message}`, e.stack)),
    });
    this.registry.addCronJob(name, job as unknown as Parameters<SchedulerRegistry['addCronJob']>[1]);
    job.start();
  }
}
