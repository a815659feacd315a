import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { DailyJobsService } from './jobs/daily-jobs.service.js';
import { ProgressJobsRepository } from './jobs/progress-jobs.repository.js';
import { ProgressController } from './progress.controller.js';
import { ProgressMaintainer } from './progress.maintainer.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';
import { PublicProgressController } from './public-progress.controller.js';

/**
 * The progress engine (SPEC §4): figures per item, phase, state and nation as of any date, their explanation,
 * the public open-data view, the maintained per-unit snapshots (registered on the reports' write hook), and the
 * daily jobs (deadline notifications, snapshots).
 */
@Module({
  imports: [ReportsModule, NotificationsModule],
  controllers: [ProgressController, PublicProgressController],
  providers: [ProgressRepository, ProgressJobsRepository, ProgressService, ProgressMaintainer, DailyJobsService],
  exports: [ProgressService, ProgressMaintainer, DailyJobsService, ProgressRepository, ProgressJobsRepository],
})
export class ProgressModule {}
