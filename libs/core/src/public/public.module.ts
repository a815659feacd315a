import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { StatesModule } from '../states/states.module.js';
import { PublicDataController } from './public-data.controller.js';
import { PublicDataService } from './public-data.service.js';

/** Open data for anyone: published indicators (JSON, CSV) and the program's DCAT catalogue (README.md). */
@Module({
  imports: [ProgramsModule, StatesModule, IndicatorsModule],
  controllers: [PublicDataController],
  providers: [PublicDataService],
})
export class PublicModule {}
