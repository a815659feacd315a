import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { Activity } from './activity.entity.js';
import { Phase } from './phase.entity.js';
import { Program } from './program.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ProgramsRepository extends BaseRepository {
  /** `:programId` in routes accepts the program's id or its code. */
  findByIdOrCode(idOrCode: string): Promise<Program | null> {
    return UUID.test(idOrCode) ? this.em.findOneBy(Program, { id: idOrCode }) : this.em.findOneBy(Program, { code: idOrCode });
  }

  findPhases(programId: string): Promise<Phase[]> {
    return this.em.find(Phase, { where: { programId }, order: { number: 'ASC' } });
  }

  findActivities(programId: string): Promise<Activity[]> {
    return this.em.find(Activity, { where: { programId }, order: { position: 'ASC' } });
  }
}
