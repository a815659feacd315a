import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { InstitutionsController } from './institutions.controller.js';
import { InstitutionsImportService } from './institutions-import.service.js';
import { InstitutionsRepository } from './institutions.repository.js';
import { InstitutionsService } from './institutions.service.js';

/** Implementing institutions (sujetos obligados) registered in a state's participation, one by one or from a file. */
@Module({
  imports: [PlansModule, ImportsModule],
  controllers: [InstitutionsController],
  providers: [InstitutionsRepository, InstitutionsService, InstitutionsImportService],
  exports: [InstitutionsRepository, InstitutionsService],
})
export class InstitutionsModule {}
