import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { StatesModule } from '../states/states.module.js';
import { ParticipationsController } from './participations.controller.js';
import { ParticipationsRepository } from './participations.repository.js';
import { ParticipationsService } from './participations.service.js';
import { PlanItemsRepository } from './plan-items.repository.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

/** Participations (a state joining a program) and state plans (one item per activity, re-planned with justification). */
@Module({
  imports: [ProgramsModule, StatesModule],
  controllers: [ParticipationsController, PlansController],
  providers: [ParticipationsRepository, PlanItemsRepository, ParticipationsService, PlansService],
  exports: [ParticipationsRepository, PlanItemsRepository, ParticipationsService, PlansService],
})
export class PlansModule {}
