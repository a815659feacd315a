import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { Participation } from './participation.entity.js';

export type ParticipationWithState = Participation & { state: NonNullable<Participation['state']> };

@Injectable()
export class ParticipationsRepository extends BaseRepository {
  /** The participation of a state in a program (withdrawn or not), with its state, or null. */
  findByProgramAndState(programId: string, stateCode: string): Promise<ParticipationWithState | null> {
    return this.em.findOne(Participation, { where: { programId, stateCode }, relations: { state: true } }) as Promise<ParticipationWithState | null>;
  }

  /**
   * The same row, locked for the rest of the transaction: `share` by changes inside the participation (re-plan,
   * institutions), `update` by withdrawal, so a withdrawal and a change inside it never interleave.
   */
  lockByProgramAndState(programId: string, stateCode: string, mode: 'share' | 'update'): Promise<Participation | null> {
    return this.em.findOne(Participation, { where: { programId, stateCode }, lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' } });
  }

  /** Every participation of a program, withdrawn ones included, by state code. */
  findByProgram(programId: string): Promise<ParticipationWithState[]> {
    return this.em.find(Participation, { where: { programId }, relations: { state: true }, order: { stateCode: 'ASC' } }) as Promise<ParticipationWithState[]>;
  }

  /** Whether the state is on its way in through the convocatoria (an entry not yet joined or declined). */
  async isInOpenConvocatoria(programId: string, stateCode: string): Promise<boolean> {
    const rows: unknown[] = await this.em.query(`SELECT 1 FROM pipeline_entry WHERE program_id = $1 AND state_code = $2 AND stage IN ('candidate', 'interested', 'convened')`, [programId, stateCode]);
    return rows.length > 0;
  }

  insert(p: Pick<Participation, 'programId' | 'stateCode' | 'joinedOn' | 'exitedOn'>): Promise<Participation> {
    return this.em.save(Participation, this.em.create(Participation, p));
  }

  async setExitedOn(id: string, exitedOn: string | null): Promise<void> {
    await this.em.update(Participation, { id }, { exitedOn });
  }
}
