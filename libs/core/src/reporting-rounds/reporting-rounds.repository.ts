import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { User } from '../users/user.entity.js';
import { ReportingRoundSubmission } from './reporting-round-submission.entity.js';
import { ReportingRound } from './reporting-round.entity.js';

export type NewReportingRound = Pick<ReportingRound, 'programId' | 'code' | 'name' | 'periodStart' | 'periodEnd' | 'dueOn'>;
export type NewSubmission = Pick<ReportingRoundSubmission, 'roundId' | 'stateCode' | 'summary' | 'submittedAt' | 'submittedOn' | 'authorId'>;
export type SubmissionWithAuthor = ReportingRoundSubmission & { author: User };

@Injectable()
export class ReportingRoundsRepository extends BaseRepository {
  /** Every round of a program, by period then code. */
  findRoundsByProgram(programId: string): Promise<ReportingRound[]> {
    return this.em.find(ReportingRound, { where: { programId }, order: { periodStart: 'ASC', periodEnd: 'ASC', code: 'ASC' } });
  }

  findRoundByCode(programId: string, code: string): Promise<ReportingRound | null> {
    return this.em.findOneBy(ReportingRound, { programId, code });
  }

  /** Inserts the round unless its code is taken in the program (then null): concurrent creators never fail with a 500. */
  async insertRoundIfAbsent(r: NewReportingRound): Promise<ReportingRound | null> {
    const res = await this.em.createQueryBuilder().insert().into(ReportingRound).values(r).orIgnore().returning('id').updateEntity(false).execute();
    const rows = res.raw as { id: string }[];
    return rows.length ? this.em.findOneByOrFail(ReportingRound, { id: rows[0].id }) : null;
  }

  /** Every submission to the program's rounds, with its author. */
  findSubmissionsByProgram(programId: string): Promise<SubmissionWithAuthor[]> {
    return this.em
      .createQueryBuilder(ReportingRoundSubmission, 's')
      .innerJoin(ReportingRound, 'r', 'r.id = s.round_id')
      .innerJoinAndSelect('s.author', 'author')
      .where('r.program_id = :programId', { programId })
      .orderBy('s.submitted_at')
      .getMany() as Promise<SubmissionWithAuthor[]>;
  }

  findSubmissionsByRound(roundId: string): Promise<SubmissionWithAuthor[]> {
    return this.em.find(ReportingRoundSubmission, { where: { roundId }, relations: { author: true }, order: { stateCode: 'ASC' } }) as Promise<SubmissionWithAuthor[]>;
  }

  /**
   * Inserts the submission unless the state already submitted the round (then null). Two concurrent
   * submissions: the unique key makes the second wait for the first and then insert nothing.
   */
  async insertSubmissionIfAbsent(s: NewSubmission): Promise<ReportingRoundSubmission | null> {
    const res = await this.em.createQueryBuilder().insert().into(ReportingRoundSubmission).values(s).orIgnore().returning('id').updateEntity(false).execute();
    const rows = res.raw as { id: string }[];
    return rows.length ? this.em.findOneByOrFail(ReportingRoundSubmission, { id: rows[0].id }) : null;
  }
}
