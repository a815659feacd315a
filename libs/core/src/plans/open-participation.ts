import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Participation } from './participation.entity.js';
import type { ParticipationsRepository } from './participations.repository.js';
import type { Program } from '../programs/program.entity.js';

/**
 * The participation a write changes (its institutions, or its reports by import), locked FOR SHARE against a
 * concurrent withdrawal; 404 if none, 409 once withdrawn.
 */
export async function lockOpenParticipation(participations: ParticipationsRepository, tx: EntityManager, program: Program, stateCode: string, what: 'institutions' | 'reports' = 'institutions'): Promise<Participation> {
  const participation = await participations.forTx(tx).lockByProgramAndState(program.id, stateCode, 'share');
  if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
  if (participation.exitedOn !== null) {
    if (what === 'reports') throw new ConflictException(`State ${stateCode} withdrew from the program on ${participation.exitedOn}; it can no longer report`);
    throw new ConflictException(`State ${stateCode} withdrew from the program on ${participation.exitedOn}; its institutions can no longer change`);
  }
  return participation;
}
