import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type SelectQueryBuilder } from 'typeorm';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { StoredFile } from '../files/stored-file.entity.js';
import { Evidence } from './evidence.entity.js';
import { Report, type ReviewState } from './report.entity.js';

/** A report with what its responses show: where it belongs, who wrote and reviewed it, its evidence. */
export interface ReportView {
  report: Report;
  programId: string;
  participationId: string;
  stateCode: string;
  stateName: string;
  activityCode: string;
  activityName: string;
  institutionName: string | null;
  authorName: string;
  reviewerName: string | null;
  evidence: (Evidence & { file?: StoredFile | null })[];
}

export type NewReport = Pick<Report, 'planItemId' | 'institutionId' | 'status' | 'percent' | 'reportedOn' | 'narrative' | 'metrics' | 'authorId' | 'idempotencyKey'>;
export type HistoricalReport = NewReport & Pick<Report, 'reviewState' | 'reviewReason' | 'reviewedById' | 'reviewedAt' | 'createdAt'>;
export type NewEvidence = Pick<Evidence, 'kind' | 'title' | 'url' | 'fileId' | 'highValue' | 'format' | 'licence'>;

/** Who a review concerns, read before the conditional update. */
export interface ReviewTarget {
  id: string;
  programId: string;
  stateCode: string;
  reviewState: ReviewState;
}

export interface ReportFilter {
  participationId: string;
  activityCode?: string;
  institutionId?: string;
  reviewState?: ReviewState;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/**
 * Reports are append-only: there is an insert, a one-time review update guarded by the review state, and reads.
 * Order within a unit (SPEC §4): reportedOn, then `seq` (creation order). The unit of a report is
 * (plan_item_id, institution_id), institution_id null on state-level items.
 */
@Injectable()
export class ReportsRepository extends BaseRepository {
  /** Inserts a report and its evidence (in the caller's transaction); returns the new id. */
  async insert(report: NewReport, evidence: NewEvidence[]): Promise<string> {
    // A copy: TypeORM writes the generated id and seq back into the object it inserts.
    const result = await this.em.insert(Report, { ...report });
    const id = result.identifiers[0].id as string;
    if (evidence.length) await this.em.insert(Evidence, evidence.map((e, position) => ({ ...e, reportId: id, position })));
    return id;
  }

  /**
   * Inserts reports that were already reviewed in the past, with their historical timestamps and evidence: for
   * demo data and imports only (the API path is `insert` + `markReviewed`). Rows are inserted in the order given,
   * so pass them in creation order and `seq` follows it. Returns the new ids, in the same order.
   */
  async insertHistorical(rows: { report: HistoricalReport; evidence: NewEvidence[] }[]): Promise<string[]> {
    const ids = rows.map(() => randomUUID());
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await this.em.insert(Report, chunk.map((r, i) => ({ ...r.report, id: ids[start + i] })));
      const evidence = chunk.flatMap((r, i) => r.evidence.map((e, position) => ({ ...e, reportId: ids[start + i], position })));
      if (evidence.length) await this.em.insert(Evidence, evidence);
    }
    return ids;
  }

  /** The report an author already created with this Idempotency-Key, if any. */
  async findIdByIdempotencyKey(authorId: string, idempotencyKey: string): Promise<string | null> {
    const row = await this.em.findOne(Report, { where: { authorId, idempotencyKey }, select: { id: true } });
    return row?.id ?? null;
  }

  async findView(id: string): Promise<ReportView | null> {
    const [view] = await this.load(this.views().where('r.id = :id', { id }));
    return view ?? null;
  }

  /** A state's reports, filtered, newest first (reportedOn, then creation order, both descending). */
  async findPage(f: ReportFilter): Promise<Page<ReportView>> {
    const qb = this.views().where('pi.participation_id = :participationId', { participationId: f.participationId });
    if (f.activityCode !== undefined) qb.andWhere('a.code = :activityCode', { activityCode: f.activityCode });
    if (f.institutionId !== undefined) qb.andWhere('r.institution_id = :institutionId', { institutionId: f.institutionId });
    if (f.reviewState !== undefined) qb.andWhere('r.review_state = :reviewState', { reviewState: f.reviewState });
    if (f.from !== undefined) qb.andWhere('r.reported_on >= :from', { from: f.from });
    if (f.to !== undefined) qb.andWhere('r.reported_on <= :to', { to: f.to });
    const total = await qb.getCount();
    const items = await this.load(qb.orderBy('r.reported_on', 'DESC').addOrderBy('r.seq', 'DESC').limit(f.limit).offset(f.offset));
    return { total, items };
  }

  /** Every report of one plan item (all its units), oldest first: reportedOn, then creation order. */
  findItemHistory(planItemId: string): Promise<ReportView[]> {
    return this.load(this.views().where('r.plan_item_id = :planItemId', { planItemId }).orderBy('r.reported_on', 'ASC').addOrderBy('r.seq', 'ASC'));
  }

  /**
   * The current report of one unit as of `asOf` (SPEC §4): its latest report dated ≤ asOf that is not
   * returned; among equal dates, the later-created one. Null when there is none.
   */
  async findCurrent(planItemId: string, institutionId: string | null, asOf: string): Promise<ReportView | null> {
    const qb = this.views()
      .where('r.plan_item_id = :planItemId', { planItemId })
      .andWhere('r.institution_id IS NOT DISTINCT FROM CAST(:institutionId AS uuid)', { institutionId })
      .andWhere('r.reported_on <= :asOf', { asOf })
      .andWhere("r.review_state <> 'returned'")
      .orderBy('r.reported_on', 'DESC')
      .addOrderBy('r.seq', 'DESC')
      .limit(1);
    const [view] = await this.load(qb);
    return view ?? null;
  }

  /** The ids of the current report of every unit of a plan item as of `asOf` (same rule as `findCurrent`). */
  async findCurrentIds(planItemId: string, asOf: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT DISTINCT ON (institution_id) id
         FROM report
        WHERE plan_item_id = $1 AND reported_on <= $2 AND review_state <> 'returned'
        ORDER BY institution_id, reported_on DESC, seq DESC`,
      [planItemId, asOf],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Pending (`submitted`) reports of a program, oldest first (creation order). */
  async findReviewQueue(programId: string, stateCode: string | undefined, limit: number, offset: number): Promise<Page<ReportView>> {
    const qb = this.views().where('p.program_id = :programId', { programId }).andWhere("r.review_state = 'submitted'");
    if (stateCode !== undefined) qb.andWhere('p.state_code = :stateCode', { stateCode });
    const total = await qb.getCount();
    const items = await this.load(qb.orderBy('r.seq', 'ASC').limit(limit).offset(offset));
    return { total, items };
  }

  /**
   * A state's returned reports that nobody has answered yet, i.e. with no later-created report on the same
   * unit (whatever that one's review state), newest first.
   */
  async findUnansweredReturns(participationId: string, limit: number, offset: number): Promise<Page<ReportView>> {
    const qb = this.views()
      .where('pi.participation_id = :participationId', { participationId })
      .andWhere("r.review_state = 'returned'")
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM report n
                      WHERE n.plan_item_id = r.plan_item_id
                        AND n.institution_id IS NOT DISTINCT FROM r.institution_id
                        AND n.seq > r.seq)`,
      );
    const total = await qb.getCount();
    const items = await this.load(qb.orderBy('r.seq', 'DESC').limit(limit).offset(offset));
    return { total, items };
  }

  async findReviewTarget(id: string): Promise<ReviewTarget | null> {
    const [row]: ReviewTarget[] = await this.em.query(
      `SELECT r.id, p.program_id AS "programId", p.state_code AS "stateCode", r.review_state AS "reviewState"
         FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id
        WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Records the review, only while the report is still `submitted`. Of two concurrent reviews the second
   * waits for the first's row lock, then finds the condition false: returns false and changes nothing.
   */
  async markReviewed(id: string, reviewState: Exclude<ReviewState, 'submitted'>, reason: string | null, reviewerId: string): Promise<boolean> {
    const result = await this.em
      .createQueryBuilder()
      .update(Report)
      .set({ reviewState, reviewReason: reason, reviewedById: reviewerId, reviewedAt: () => 'now()' })
      .where("id = :id AND review_state = 'submitted'", { id })
      .execute();
    return result.affected === 1;
  }

  private views(): SelectQueryBuilder<Report> {
    return this.em
      .createQueryBuilder(Report, 'r')
      .innerJoin('r.planItem', 'pi')
      .innerJoin('pi.activity', 'a')
      .innerJoin('pi.participation', 'p')
      .innerJoin('p.state', 's')
      .leftJoin('r.institution', 'i')
      .innerJoin('r.author', 'au')
      .leftJoin('r.reviewedBy', 'rv')
      .addSelect(['pi.id', 'a.code', 'a.name', 'p.id', 'p.programId', 'p.stateCode', 's.code', 's.name', 'i.id', 'i.name', 'au.id', 'au.name', 'rv.id', 'rv.name']);
  }

  /** Runs a view query (every join is many-to-one: one row per report) and attaches the evidence. */
  private async load(qb: SelectQueryBuilder<Report>): Promise<ReportView[]> {
    const reports = await qb.getMany();
    if (!reports.length) return [];
    const evidence = await this.em.find(Evidence, { where: { reportId: In(reports.map((r) => r.id)) }, relations: { file: true }, order: { position: 'ASC' } });
    const byReport = new Map<string, Evidence[]>();
    for (const e of evidence) byReport.set(e.reportId, [...(byReport.get(e.reportId) ?? []), e]);
    return reports.map((report) => {
      const { planItem, institution, author, reviewedBy, ...own } = report;
      const participation = planItem!.participation!;
      const activity = planItem!.activity!;
      return {
        report: own as Report,
        programId: participation.programId,
        participationId: participation.id,
        stateCode: participation.stateCode,
        stateName: participation.state!.name,
        activityCode: activity.code,
        activityName: activity.name,
        institutionName: institution?.name ?? null,
        authorName: author!.name,
        reviewerName: reviewedBy?.name ?? null,
        evidence: byReport.get(report.id) ?? [],
      };
    });
  }
}
