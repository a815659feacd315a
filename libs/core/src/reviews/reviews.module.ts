import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { ReviewRoundsController } from './review-rounds.controller.js';
import { ReviewRoundsRepository } from './review-rounds.repository.js';
import { ReviewRoundsService } from './review-rounds.service.js';

/** Review rounds (rondas de revisión): frozen, citable progress and indicator figures with the commission's findings. */
@Module({
  imports: [ProgramsModule, PlansModule, ProgressModule, IndicatorsModule],
  controllers: [ReviewRoundsController],
  providers: [ReviewRoundsRepository, ReviewRoundsService],
  exports: [ReviewRoundsService],
})
export class ReviewsModule {}
