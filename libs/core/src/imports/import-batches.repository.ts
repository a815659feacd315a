import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { ImportBatch, type ImportKind } from './import-batch.entity.js';

@Injectable()
export class ImportBatchesRepository extends BaseRepository {
  /**
   * Serializes confirmed imports of the same file into the same participation until the transaction ends, so that
   * of two concurrent ones (a double click) the second waits and then finds the first's batch.
   */
  async lockFile(participationId: string, kind: ImportKind, fileHash: string): Promise<void> {
    await this.em.query(`SELECT pg_advisory_xact_lock(hashtext('rumbo.import'), hashtext($1 || '/' || $2 || '/' || $3)) IS NULL AS locked`, [participationId, kind, fileHash]);
  }

  findByHash(participationId: string, kind: ImportKind, fileHash: string): Promise<ImportBatch | null> {
    return this.em.findOneBy(ImportBatch, { participationId, kind, fileHash });
  }

  insert(b: Omit<ImportBatch, 'id' | 'createdAt' | 'participation' | 'actor'>): Promise<ImportBatch> {
    return this.em.save(ImportBatch, this.em.create(ImportBatch, b));
  }
}
