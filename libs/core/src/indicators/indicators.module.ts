import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { ReportingRoundsModule } from '../reporting-rounds/reporting-rounds.module.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsRepository } from './indicators.repository.js';
import { IndicatorsService } from './indicators.service.js';

/** Indicator values per kind (from the progress engine's figures), baselines, targets and status; time series. */
@Module({
  imports: [ProgramsModule, ProgressModule, ReportingRoundsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsRepository, IndicatorsService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
