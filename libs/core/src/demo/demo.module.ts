import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { ConvocatoriaModule } from '../convocatoria/convocatoria.module.js';
import { FilesModule } from '../files/files.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { ReportingRoundsModule } from '../reporting-rounds/reporting-rounds.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [ReferenceDataModule, FilesModule, ConvocatoriaModule, ConsultationsModule, ProgramsModule, UsersModule, PlansModule, InstitutionsModule, ReportsModule, ReportingRoundsModule, ReviewsModule], providers: [DemoDataService] })
export class DemoModule {}
