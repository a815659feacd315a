import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { UsersModule } from '../users/users.module.js';
import { EmailLogService } from './email-log.service.js';
import { EmailMessagesController } from './email-messages.controller.js';
import { EmailMessagesRepository } from './email-messages.repository.js';
import { MailJobsService } from './mail-jobs.service.js';
import { MailOutbox } from './mail-outbox.js';
import { MailTransport } from './mail-transport.js';
import { ScheduledJobs } from './scheduled-jobs.js';

/** Email (deadline notices, weekly digests) through SMTP_URL, and the schedules of every job. */
@Module({
  imports: [ProgressModule, NotificationsModule, ReportsModule, UsersModule, PlansModule],
  controllers: [EmailMessagesController],
  providers: [EmailMessagesRepository, EmailLogService, MailTransport, MailJobsService, MailOutbox, ScheduledJobs],
  exports: [MailJobsService, MailOutbox],
})
export class MailModule {}
