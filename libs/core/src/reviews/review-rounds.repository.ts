import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { ReviewFinding } from './review-finding.entity.js';
import { ReviewRound } from './review-round.entity.js';

// `createdAt` is given (Clock.now()), not left to the database clock, so it agrees with `closedAt` under a test clock.
export type NewReviewRound = Pick<ReviewRound, 'programId' | 'seq' | 'code' | 'title' | 'asOf' | 'figures' | 'createdById' | 'createdAt'>;
export type NewFinding = Pick<ReviewFinding, 'reviewRoundId' | 'number' | 'type' | 'stateCode' | 'activityCode' | 'description' | 'dueOn' | 'createdById' | 'createdAt'>;

/** Namespace of the advisory lock that numbers a program's review rounds. */
const LOCK_NAMESPACE = 'rumbo.review_round.numbering';

/** Review rounds and their findings. The frozen columns are written once by `insertRound` and never updated. */
@Injectable()
export class ReviewRoundsRepository extends BaseRepository {
  /** Serializes the numbering of one program's rounds until the transaction ends. */
  async lockNumbering(programId: string): Promise<void> {
    await this.em.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, programId]);
  }

  async nextSeq(programId: string): Promise<number> {
    const [row]: { next: number }[] = await this.em.query('SELECT COALESCE(max(seq), 0)::int + 1 AS next FROM review_round WHERE program_id = $1', [programId]);
    return row.next;
  }

  async codeExists(programId: string, code: string): Promise<boolean> {
    return (await this.em.countBy(ReviewRound, { programId, code })) > 0;
  }

  async insertRound(round: NewReviewRound): Promise<string> {
    const result = await this.em.insert(ReviewRound, { ...round, status: 'open', figures: round.figures as never });
    return result.identifiers[0].id as string;
  }

  /** A program's rounds without their figures, with creator and closer, oldest first. */
  findByProgram(programId: string): Promise<ReviewRound[]> {
    return this.em
      .createQueryBuilder(ReviewRound, 'r')
      .select(['r.id', 'r.programId', 'r.seq', 'r.code', 'r.title', 'r.asOf', 'r.status', 'r.createdById', 'r.createdAt', 'r.closedAt', 'r.closedById', 'r.agreementReference'])
      .leftJoin('r.createdBy', 'c')
      .addSelect(['c.id', 'c.name'])
      .leftJoin('r.closedBy', 'x')
      .addSelect(['x.id', 'x.name'])
      .where('r.program_id = :programId', { programId })
      .orderBy('r.seq')
      .getMany();
  }

  /** One round with its figures, creator and closer. */
  findByCode(programId: string, code: string): Promise<ReviewRound | null> {
    return this.em
      .createQueryBuilder(ReviewRound, 'r')
      .leftJoin('r.createdBy', 'c')
      .addSelect(['c.id', 'c.name'])
      .leftJoin('r.closedBy', 'x')
      .addSelect(['x.id', 'x.name'])
      .where('r.program_id = :programId AND r.code = :code', { programId, code })
      .getOne();
  }

  /** The round's row (without figures), locked until the transaction ends: findings and closing queue behind it. */
  async lockByCode(programId: string, code: string): Promise<Pick<ReviewRound, 'id' | 'code' | 'status'> | null> {
    const [row]: Pick<ReviewRound, 'id' | 'code' | 'status'>[] = await this.em.query(
      'SELECT id, code, status FROM review_round WHERE program_id = $1 AND code = $2 FOR UPDATE',
      [programId, code],
    );
    return row ?? null;
  }

  async close(id: string, closedById: string, closedAt: Date, agreementReference: string): Promise<void> {
    await this.em.query(
      `UPDATE review_round SET status = 'closed', closed_at = $2, closed_by_id = $3, agreement_reference = $4 WHERE id = $1 AND status = 'open'`,
      [id, closedAt, closedById, agreementReference],
    );
  }

  /** Visible findings per round of a program: all (`stateCode` null) or one state's. */
  async countFindings(programId: string, stateCode: string | null): Promise<Map<string, number>> {
    const rows: { id: string; n: number }[] = await this.em.query(
      `SELECT f.review_round_id AS id, count(*)::int AS n
         FROM review_finding f JOIN review_round r ON r.id = f.review_round_id
        WHERE r.program_id = $1 AND ($2::char(2) IS NULL OR f.state_code = $2)
        GROUP BY f.review_round_id`,
      [programId, stateCode],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async nextFindingNumber(reviewRoundId: string): Promise<number> {
    const [row]: { next: number }[] = await this.em.query('SELECT COALESCE(max(number), 0)::int + 1 AS next FROM review_finding WHERE review_round_id = $1', [reviewRoundId]);
    return row.next;
  }

  async insertFinding(finding: NewFinding): Promise<string> {
    const result = await this.em.insert(ReviewFinding, finding);
    return result.identifiers[0].id as string;
  }

  /** A round's findings with their authors, in number order: all (`stateCode` null) or one state's. */
  findFindings(reviewRoundId: string, stateCode: string | null): Promise<ReviewFinding[]> {
    const qb = this.em
      .createQueryBuilder(ReviewFinding, 'f')
      .leftJoin('f.createdBy', 'c')
      .addSelect(['c.id', 'c.name'])
      .where('f.review_round_id = :reviewRoundId', { reviewRoundId });
    if (stateCode !== null) qb.andWhere('f.state_code = :stateCode', { stateCode });
    return qb.orderBy('f.number').getMany();
  }

  async findFinding(id: string): Promise<ReviewFinding | null> {
    return this.em.createQueryBuilder(ReviewFinding, 'f').leftJoin('f.createdBy', 'c').addSelect(['c.id', 'c.name']).where('f.id = :id', { id }).getOne();
  }
}
