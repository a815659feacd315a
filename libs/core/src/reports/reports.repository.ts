import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type SelectQueryBuilder } from 'typeorm';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { preparedQuery } from '../../../database/src/prepared-query.js';
import type { StoredFile } from '../files/stored-file.entity.js';
import type { ActivityLevel, EvidenceKind } from '../programs/activity.entity.js';
import { Evidence } from './evidence.entity.js';
import { Report, type ReviewState } from './report.entity.js';

/** Evidence as responses show it: the uploaded file's name comes along for documents. */
export type EvidenceView = Pick<Evidence, 'kind' | 'title' | 'url' | 'fileId' | 'highValue' | 'format' | 'licence' | 'formatCode'> & { file?: Pick<StoredFile, 'name'> | null };

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
  evidence: EvidenceView[];
}

/** What a submission is checked against, read in one statement (see `findSubmitContext`). */
export interface SubmitContext {
  programId: string;
  programCode: string;
  timeZone: string;
  participationId: string;
  stateCode: string;
  stateName: string;
  joinedOn: string;
  exitedOn: string | null;
  /** The plan item of the activity in this participation, with its activity; null when the plan has none. */
  item: {
    id: string;
    included: boolean;
    activityCode: string;
    activityName: string;
    level: ActivityLevel;
    metrics: string[];
    evidenceKinds: EvidenceKind[];
    completionNeedsEvidence: boolean;
    /** The activity's formats, in document order. */
    formats: { code: string; name: string }[];
  } | null;
  /** The named institution when it is registered in this participation; null otherwise (or when none is named). */
  institution: { id: string; name: string; joinedOn: string; exitedOn: string | null } | null;
  /** The named files that were uploaded to this state of this program. */
  files: { id: string; name: string }[];
  /** The report this author already created with this Idempotency-Key (any program or state), if any. */
  earlier: { id: string; programId: string; stateCode: string } | null;
}

export interface SubmitLookup {
  programIdOrCode: string;
  stateCode: string;
  activityCode: string;
  institutionId: string | null;
  fileIds: string[];
  authorId: string;
  idempotencyKey: string | null;
}

/** The columns the database fills in on insert. */
export interface InsertedReport {
  id: string;
  seq: string;
  percent: number;
  reportedOn: string;
  narrative: string | null;
  metrics: Record<string, number>;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The write lock of one unit (plan item + institution): a transaction-scoped advisory lock, so report writes to a
 * unit (a new report, a review) and the maintenance of what is derived from them run one after the other. Taken
 * inside the first statement of each writing transaction (see `findSubmitContext`, `findReviewTarget`), so it costs
 * no round trip of its own; every later statement of the transaction sees the reports of earlier writers.
 */
function unitLockSql(item: string, institution: string): string {
  return `pg_advisory_xact_lock(hashtext('rumbo.report-unit'), hashtext(${item}::text || '/' || COALESCE(${institution}::text, '')))`;
}

export type NewReport = Pick<Report, 'planItemId' | 'institutionId' | 'status' | 'percent' | 'reportedOn' | 'narrative' | 'metrics' | 'authorId' | 'idempotencyKey'>;
export type HistoricalReport = NewReport & Pick<Report, 'reviewState' | 'reviewReason' | 'reviewedById' | 'reviewedAt' | 'createdAt'>;
export type NewEvidence = Pick<Evidence, 'kind' | 'title' | 'url' | 'fileId' | 'highValue' | 'format' | 'licence' | 'formatCode'>;

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
   * Everything a submission is checked against, in one statement (the first of the submission's transaction): the
   * program (by id or code), the state's participation (locked FOR SHARE until the transaction ends, against a
   * concurrent withdrawal), the plan item of the activity with the activity, the named institution, the named
   * files of this state, and the report the author may already have created with the Idempotency-Key. It also
   * takes the unit's write lock (`lockUnit`). Null when the program is unknown or the state does not participate.
   */
  async findSubmitContext(q: SubmitLookup): Promise<SubmitContext | null> {
    const [row]: (Omit<SubmitContext, 'item' | 'institution'> & {
      itemId: string | null;
      included: boolean | null;
      activityCode: string | null;
      activityName: string | null;
      level: ActivityLevel | null;
      metrics: string[] | null;
      evidenceKinds: EvidenceKind[] | null;
      completionNeedsEvidence: boolean | null;
      formats: { code: string; name: string }[];
      institutionId: string | null;
      institutionName: string | null;
      institutionJoinedOn: string | null;
      institutionExitedOn: string | null;
      unitLocked: unknown;
    })[] = await preparedQuery(
      this.em,
      `SELECT pr.id AS "programId", pr.code AS "programCode", pr.time_zone AS "timeZone",
              pa.id AS "participationId", pa.state_code AS "stateCode", st.name AS "stateName",
              pa.joined_on::text AS "joinedOn", pa.exited_on::text AS "exitedOn",
              pi.id AS "itemId", pi.included, a.code AS "activityCode", a.name AS "activityName", a.level, a.metrics,
              a.evidence_kinds AS "evidenceKinds", a.completion_needs_evidence AS "completionNeedsEvidence",
              COALESCE((SELECT json_agg(json_build_object('code', af.code, 'name', af.name) ORDER BY af.position)
                          FROM activity_format af WHERE af.activity_id = a.id), '[]') AS formats,
              i.id AS "institutionId", i.name AS "institutionName", i.joined_on::text AS "institutionJoinedOn", i.exited_on::text AS "institutionExitedOn",
              COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name))
                          FROM stored_file f
                         WHERE f.id = ANY($5::uuid[]) AND f.program_id = pr.id AND f.state_code = pa.state_code), '[]') AS files,
              (SELECT json_build_object('id', r.id, 'programId', rp.program_id, 'stateCode', rp.state_code)
                 FROM report r JOIN plan_item ri ON ri.id = r.plan_item_id JOIN participation rp ON rp.id = ri.participation_id
                WHERE r.author_id = $6 AND r.idempotency_key = $7) AS earlier,
              ${unitLockSql('pi.id', '$4::uuid')} IS NULL AS "unitLocked"
         FROM program pr
         JOIN participation pa ON pa.program_id = pr.id AND pa.state_code = $2
         JOIN state st ON st.code = pa.state_code
         LEFT JOIN (plan_item pi JOIN activity a ON a.id = pi.activity_id AND a.code = $3) ON pi.participation_id = pa.id
         LEFT JOIN institution i ON i.participation_id = pa.id AND i.id = $4
        WHERE ${UUID.test(q.programIdOrCode) ? 'pr.id = $1::uuid' : 'pr.code = $1'}
          FOR SHARE OF pa`,
      [q.programIdOrCode, q.stateCode, q.activityCode, q.institutionId, q.fileIds, q.authorId, q.idempotencyKey],
    );
    if (!row) return null;
    const { itemId, included, activityCode, activityName, level, metrics, evidenceKinds, completionNeedsEvidence, formats, institutionId, institutionName, institutionJoinedOn, institutionExitedOn, unitLocked: _, ...rest } = row;
    return {
      ...rest,
      item: itemId === null ? null : { id: itemId, included: included!, activityCode: activityCode!, activityName: activityName!, level: level!, metrics: metrics ?? [], evidenceKinds: evidenceKinds ?? [], completionNeedsEvidence: completionNeedsEvidence!, formats },
      institution: institutionId === null ? null : { id: institutionId, name: institutionName!, joinedOn: institutionJoinedOn!, exitedOn: institutionExitedOn },
    };
  }

  /**
   * Inserts a submitted report and its evidence in one statement (in the caller's transaction) and returns what
   * the database filled in. With an Idempotency-Key already taken by the same author (committed, or committed by a
   * concurrent transaction this one waited for), nothing is inserted and the result is null.
   */
  async insertSubmitted(report: NewReport, evidence: NewEvidence[]): Promise<InsertedReport | null> {
    const [row] = await preparedQuery<InsertedReport>(
      this.em,
      `WITH r AS (
         INSERT INTO report (plan_item_id, institution_id, status, percent, reported_on, narrative, metrics, author_id, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
         ON CONFLICT ON CONSTRAINT report_author_id_idempotency_key_key DO NOTHING
         RETURNING id, seq, percent, reported_on, narrative, metrics, created_at
       ), e AS (
         INSERT INTO evidence (report_id, position, kind, title, url, file_id, high_value, format, licence, format_code)
         SELECT r.id, x.n - 1, x.kind, x.title, x.url, x.file_id, x.high_value, x.format, x.licence, x.format_code
           FROM r, unnest($10::varchar[], $11::varchar[], $12::varchar[], $13::uuid[], $14::boolean[], $15::varchar[], $16::varchar[], $17::varchar[])
                   WITH ORDINALITY AS x(kind, title, url, file_id, high_value, format, licence, format_code, n)
       )
       SELECT id, seq::text AS seq, percent::float8 AS percent, reported_on::text AS "reportedOn", narrative, metrics, created_at AS "createdAt" FROM r`,
      [
        report.planItemId,
        report.institutionId,
        report.status,
        report.percent,
        report.reportedOn,
        report.narrative,
        JSON.stringify(report.metrics),
        report.authorId,
        report.idempotencyKey,
        evidence.map((e) => e.kind),
        evidence.map((e) => e.title),
        evidence.map((e) => e.url),
        evidence.map((e) => e.fileId),
        evidence.map((e) => e.highValue),
        evidence.map((e) => e.format),
        evidence.map((e) => e.licence),
        evidence.map((e) => e.formatCode),
      ],
    );
    return row ?? null;
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

  /** Those of the given reports that belong to the participation (the reports a file being imported names). */
  findInParticipation(participationId: string, ids: readonly string[]): Promise<ReportView[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.load(this.views().where('pi.participation_id = :participationId', { participationId }).andWhere('r.id IN (:...ids)', { ids }));
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

  /** The report a review concerns; also takes its unit's write lock (`lockUnit`) for the rest of the transaction. */
  async findReviewTarget(id: string): Promise<ReviewTarget | null> {
    const [row]: (ReviewTarget & { unitLocked?: unknown })[] = await this.em.query(
      `SELECT r.id, p.program_id AS "programId", p.state_code AS "stateCode", r.review_state AS "reviewState",
              ${unitLockSql('r.plan_item_id', 'r.institution_id')} IS NULL AS "unitLocked"
         FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id
        WHERE r.id = $1`,
      [id],
    );
    if (!row) return null;
    const { unitLocked: _, ...target } = row;
    return target;
  }

  /** The formats of the activities in a participation's plan, by activity code (document order), for the reports import. */
  async findPlanFormats(participationId: string): Promise<Map<string, { code: string; name: string }[]>> {
    const rows: { activityCode: string; code: string; name: string }[] = await this.em.query(
      `SELECT a.code AS "activityCode", f.code, f.name
         FROM plan_item pi JOIN activity a ON a.id = pi.activity_id JOIN activity_format f ON f.activity_id = a.id
        WHERE pi.participation_id = $1
        ORDER BY a.position, f.position`,
      [participationId],
    );
    const out = new Map<string, { code: string; name: string }[]>();
    for (const r of rows) out.set(r.activityCode, [...(out.get(r.activityCode) ?? []), { code: r.code, name: r.name }]);
    return out;
  }

  /** Takes one unit's write lock until the transaction ends (see `unitLockSql`), for writers outside this feature. */
  async lockUnit(planItemId: string, institutionId: string | null): Promise<void> {
    await preparedQuery(this.em, `SELECT ${unitLockSql('$1::uuid', '$2::uuid')} IS NULL AS locked`, [planItemId, institutionId]);
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
