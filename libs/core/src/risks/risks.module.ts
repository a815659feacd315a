import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module.js';
import { ReportingRoundsModule } from '../reporting-rounds/reporting-rounds.module.js';
import { RisksController } from './risks.controller.js';
import { RisksRepository } from './risks.repository.js';
import { RisksService } from './risks.service.js';

/** Early warning: items and states ranked by slack at the observed pace and by history (risk-math.ts). */
@Module({
  imports: [ProgressModule, ReportingRoundsModule],
  controllers: [RisksController],
  providers: [RisksRepository, RisksService],
})
export class RisksModule {}
