import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { ImportsModule } from '../imports/imports.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ReportWriteHooks } from './report-write-hooks.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsImportService } from './reports-import.service.js';
import { ReportsService } from './reports.service.js';
import { ReviewController } from './review.controller.js';

/** Progress reports with evidence (append-only), their review by the coordination, and evidence files. */
@Module({
  imports: [PlansModule, InstitutionsModule, FilesModule, ImportsModule],
  controllers: [ReportsController, ReviewController],
  providers: [ReportsRepository, ReportsService, ReportsImportService, ReportWriteHooks],
  exports: [ReportsRepository, ReportsService, ReportWriteHooks],
})
export class ReportsModule {}
