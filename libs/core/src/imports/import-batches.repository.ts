import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { ImportBatch, type ImportKind } from './import-batch.entity.js';

@Injectable()
export class ImportBatchesRepository extends BaseRepository {
  findByHash(participationId: string, kind: ImportKind, fileHash: string): Promise<ImportBatch | null> {
    return this.em.findOneBy(ImportBatch, { participationId, kind, fileHash });
  }

  insert(b: Omit<ImportBatch, 'id' | 'createdAt' | 'participation' | 'actor'>): Promise<ImportBatch> {
    return this.em.save(ImportBatch, this.em.create(ImportBatch, b));
  }
}
