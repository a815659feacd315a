import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** Exports (XLSX, CSV, PDF) of the figures and records other modules serve as JSON. */
@Module({
  imports: [ProgramsModule, ProgressModule, IndicatorsModule, ReportsModule, InstitutionsModule, ReviewsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
