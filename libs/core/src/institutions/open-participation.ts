import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Participation } from '../plans/participation.entity.js';
import type { ParticipationsRepository } from '../plans/participations.repository.js';
import type { Program } from '../programs/program.entity.js';

/** The participation whose institutions change, locked against a concurrent withdrawal; 404 if none, 409 once withdrawn. */
export async function lockOpenParticipation(participations: ParticipationsRepository, tx: EntityManager, program: Program, stateCode: string): Promise<Participation> {
  const participation = await participations.forTx(tx).lockByProgramAndState(program.id, stateCode, 'share');
  if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
  if (participation.exitedOn !== null) {
    throw new ConflictException(`State ${stateCode} withdrew from the program on ${participation.exitedOn}; its institutions can no longer change`);
  }
  return participation;
}
