import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { StoredFile } from './stored-file.entity.js';

@Injectable()
export class StoredFilesRepository extends BaseRepository {
  findById(id: string): Promise<StoredFile | null> {
    return this.em.findOneBy(StoredFile, { id });
  }

  /** The files among `ids` that were uploaded to that state of that program (others are simply absent). */
  findInState(programId: string, stateCode: string, ids: string[]): Promise<StoredFile[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.em.findBy(StoredFile, { programId, stateCode, id: In(ids) });
  }

  insert(f: Omit<StoredFile, 'id' | 'createdAt' | 'program' | 'state' | 'uploadedBy'>): Promise<StoredFile> {
    return this.em.save(StoredFile, this.em.create(StoredFile, f));
  }
}
