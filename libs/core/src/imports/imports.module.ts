import { Module } from '@nestjs/common';
import { ImportBatchesRepository } from './import-batches.repository.js';

/** Bookkeeping shared by every import (batches by file hash); each feature module imports its own rows. */
@Module({ providers: [ImportBatchesRepository], exports: [ImportBatchesRepository] })
export class ImportsModule {}
