import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { InstitutionsController } from './institutions.controller.js';
import { InstitutionsRepository } from './institutions.repository.js';
import { InstitutionsService } from './institutions.service.js';

/** Implementing institutions (sujetos obligados) registered in a state's participation. */
@Module({ imports: [PlansModule], controllers: [InstitutionsController], providers: [InstitutionsRepository, InstitutionsService], exports: [InstitutionsRepository, InstitutionsService] })
export class InstitutionsModule {}
