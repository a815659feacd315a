import { Module } from '@nestjs/common';
import { ProgramsRepository } from './programs.repository.js';

@Module({ providers: [ProgramsRepository], exports: [ProgramsRepository] })
export class ProgramsModule {}
