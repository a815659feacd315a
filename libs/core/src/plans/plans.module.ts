import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { StatesModule } from '../states/states.module.js';
import { ParticipationsController } from './participations.controller.js';
import { ParticipationsRepository } from './participations.repository.js';
import { ParticipationsService } from './participations.service.js';
import { PlanItemsRepository } from './plan-items.repository.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';
import { ReplanRequestsController } from './replan-requests.controller.js';
import { ReplanRequestsRepository } from './replan-requests.repository.js';
import { ReplanRequestsService } from './replan-requests.service.js';

/**
 * Participations (a state joining a program) and state plans (one item per activity, re-planned with justification;
 * a state officer's later due date waits for the coordination as a re-plan request).
 */
@Module({
  imports: [ProgramsModule, StatesModule],
  controllers: [ParticipationsController, PlansController, ReplanRequestsController],
  providers: [ParticipationsRepository, PlanItemsRepository, ReplanRequestsRepository, ParticipationsService, PlansService, ReplanRequestsService],
  exports: [ParticipationsRepository, PlanItemsRepository, ReplanRequestsRepository, ParticipationsService, PlansService, ReplanRequestsService],
})
export class PlansModule {}
