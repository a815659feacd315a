import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { StatesModule } from '../states/states.module.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { ConsultationsService } from './consultations.service.js';

/** Program versions, their differences, and the consultation rounds on a version with their comments and figures. */
@Module({ imports: [PlansModule, ProgramsModule, StatesModule], controllers: [ConsultationsController], providers: [ConsultationsRepository, ConsultationsService], exports: [ConsultationsService] })
export class ConsultationsModule {}
