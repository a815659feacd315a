import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { StatesModule } from '../states/states.module.js';
import { ConvocatoriaController } from './convocatoria.controller.js';
import { ConvocatoriaRepository } from './convocatoria.repository.js';
import { ConvocatoriaService } from './convocatoria.service.js';

/** The national convocatoria: each state's pipeline into a program (candidate → interested → convened → joined | declined) and its accompaniment sessions. */
@Module({ imports: [PlansModule, StatesModule, FilesModule], controllers: [ConvocatoriaController], providers: [ConvocatoriaRepository, ConvocatoriaService], exports: [ConvocatoriaService] })
export class ConvocatoriaModule {}
