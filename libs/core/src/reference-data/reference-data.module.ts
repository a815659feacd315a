import { Module } from '@nestjs/common';
import { StatesModule } from '../states/states.module.js';
import { ReferenceDataService } from './reference-data.service.js';

@Module({ imports: [StatesModule], providers: [ReferenceDataService], exports: [ReferenceDataService] })
export class ReferenceDataModule {}
