import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ReportingRoundsController } from './reporting-rounds.controller.js';
import { ReportingRoundsRepository } from './reporting-rounds.repository.js';
import { ReportingRoundsService } from './reporting-rounds.service.js';

/** Reporting rounds (rondas de reporte): periods each participating state submits once; completeness and timeliness. */
@Module({ imports: [PlansModule], controllers: [ReportingRoundsController], providers: [ReportingRoundsRepository, ReportingRoundsService], exports: [ReportingRoundsRepository, ReportingRoundsService] })
export class ReportingRoundsModule {}
