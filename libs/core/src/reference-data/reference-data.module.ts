import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { StatesModule } from '../states/states.module.js';
import { ReferenceDataService } from './reference-data.service.js';

@Module({ imports: [StatesModule, ProgramsModule], providers: [ReferenceDataService], exports: [ReferenceDataService] })
export class ReferenceDataModule {}
