import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { Institution } from './institution.entity.js';

@Injectable()
export class InstitutionsRepository extends BaseRepository {
  /** Every institution registered in a participation, exited ones included, by name. */
  findByParticipation(participationId: string): Promise<Institution[]> {
    return this.em.find(Institution, { where: { participationId }, order: { nameKey: 'ASC', createdAt: 'ASC' } });
  }

  /** One institution, only if it belongs to that participation (so an id from another state answers null). */
  findInParticipation(participationId: string, id: string): Promise<Institution | null> {
    return this.em.findOneBy(Institution, { participationId, id });
  }

  findByNameKey(participationId: string, nameKey: string): Promise<Institution | null> {
    return this.em.findOneBy(Institution, { participationId, nameKey });
  }

  insert(i: Omit<Institution, 'id' | 'createdAt' | 'participation'>): Promise<Institution> {
    return this.em.save(Institution, this.em.create(Institution, i));
  }

  save(i: Institution): Promise<Institution> {
    return this.em.save(Institution, i);
  }
}
