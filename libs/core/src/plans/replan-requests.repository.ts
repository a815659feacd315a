import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { ReplanRequestStatus } from './replan-request.entity.js';

/** A re-plan request with what a reader needs around it: the activity, the state, the item's dates now, who asked and decided. */
export interface ReplanRequestView {
  id: string;
  status: ReplanRequestStatus;
  programId: string;
  programCode: string;
  stateCode: string;
  stateName: string;
  planItemId: string;
  activityCode: string;
  activityName: string;
  requestedStart: string | null;
  requestedDue: string;
  requestedIncluded: boolean | null;
  previousStart: string;
  previousDue: string;
  currentStart: string;
  currentDue: string;
  originalStart: string;
  originalDue: string;
  justification: string;
  requestedById: string;
  requestedByName: string;
  requestedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export interface NewReplanRequest {
  planItemId: string;
  requestedStart: string | null;
  requestedDue: string;
  requestedIncluded: boolean | null;
  previousStart: string;
  previousDue: string;
  justification: string;
  requestedBy: string;
  requestedAt: Date;
}

/** What a decision needs of a request, read under its row lock. */
export interface ReplanDecisionTarget {
  id: string;
  status: ReplanRequestStatus;
  programId: string;
  stateCode: string;
  activityCode: string;
  requestedStart: string | null;
  requestedDue: string;
  requestedIncluded: boolean | null;
  justification: string;
}

export interface ReplanRequestFilter {
  programId: string;
  /** null: every state. */
  stateCode: string | null;
  status: ReplanRequestStatus | null;
  limit: number;
  offset: number;
}

const VIEW = `SELECT rr.id, rr.status, p.program_id AS "programId", pr.code AS "programCode", p.state_code AS "stateCode", s.name AS "stateName",
                     pi.id AS "planItemId", a.code AS "activityCode", a.name AS "activityName",
                     rr.requested_start::text AS "requestedStart", rr.requested_due::text AS "requestedDue", rr.requested_included AS "requestedIncluded",
                     rr.previous_start::text AS "previousStart", rr.previous_due::text AS "previousDue",
                     pi.planned_start::text AS "currentStart", pi.planned_due::text AS "currentDue",
                     pi.original_start::text AS "originalStart", pi.original_due::text AS "originalDue",
                     rr.justification, rr.requested_by AS "requestedById", ru.name AS "requestedByName", rr.requested_at AS "requestedAt",
                     rr.decided_by AS "decidedById", du.name AS "decidedByName", rr.decided_at AS "decidedAt", rr.decision_reason AS "decisionReason"
                FROM replan_request rr
                JOIN plan_item pi ON pi.id = rr.plan_item_id
                JOIN activity a ON a.id = pi.activity_id
                JOIN participation p ON p.id = pi.participation_id
                JOIN program pr ON pr.id = p.program_id
                JOIN state s ON s.code = p.state_code
                JOIN app_user ru ON ru.id = rr.requested_by
           LEFT JOIN app_user du ON du.id = rr.decided_by`;

/** Pending ones first, oldest first (what the coordination decides next); then decided ones, latest decision first. */
const ORDER = `ORDER BY rr.status <> 'pending', CASE WHEN rr.status = 'pending' THEN rr.requested_at END, rr.decided_at DESC, rr.id`;

@Injectable()
export class ReplanRequestsRepository extends BaseRepository {
  /**
   * A new pending request; null when the item already has one (the partial unique index decides, so two requests
   * racing for the same item cannot both be pending).
   */
  async insertPending(r: NewReplanRequest): Promise<string | null> {
    const rows: { id: string }[] = await this.em.query(
      `INSERT INTO replan_request (plan_item_id, requested_start, requested_due, requested_included, previous_start, previous_due, justification, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (plan_item_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [r.planItemId, r.requestedStart, r.requestedDue, r.requestedIncluded, r.previousStart, r.previousDue, r.justification, r.requestedBy, r.requestedAt],
    );
    return rows[0]?.id ?? null;
  }

  async findView(id: string): Promise<ReplanRequestView | null> {
    const [row]: ReplanRequestView[] = await this.em.query(`${VIEW} WHERE rr.id = $1`, [id]);
    return row ?? null;
  }

  /** The request locked for the rest of the transaction (two decisions on it queue), with where it belongs; null when unknown. */
  async lockForDecision(id: string): Promise<ReplanDecisionTarget | null> {
    const [row]: ReplanDecisionTarget[] = await this.em.query(
      `SELECT rr.id, rr.status, p.program_id AS "programId", p.state_code AS "stateCode", a.code AS "activityCode",
              rr.requested_start::text AS "requestedStart", rr.requested_due::text AS "requestedDue", rr.requested_included AS "requestedIncluded", rr.justification
         FROM replan_request rr
         JOIN plan_item pi ON pi.id = rr.plan_item_id
         JOIN activity a ON a.id = pi.activity_id
         JOIN participation p ON p.id = pi.participation_id
        WHERE rr.id = $1
          FOR UPDATE OF rr`,
      [id],
    );
    return row ?? null;
  }

  /** Records the decision on a pending request; false when it was no longer pending (nothing changed). */
  async markDecided(id: string, status: Exclude<ReplanRequestStatus, 'pending'>, decidedBy: string, decidedAt: Date, reason: string | null): Promise<boolean> {
    // Through a CTE: a bare UPDATE … RETURNING answers [rows, count] in TypeORM's PostgreSQL driver.
    const [{ n }]: { n: number }[] = await this.em.query(
      `WITH decided AS (
         UPDATE replan_request SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5 WHERE id = $1 AND status = 'pending' RETURNING 1
       ) SELECT count(*)::int AS n FROM decided`,
      [id, status, decidedBy, decidedAt, reason],
    );
    return n === 1;
  }

  /** A program's requests (one state's, or all), optionally of one status, with the total that matched. */
  async findPage(f: ReplanRequestFilter): Promise<{ total: number; items: ReplanRequestView[] }> {
    const where = `p.program_id = $1 AND ($2::char(2) IS NULL OR p.state_code = $2) AND ($3::text IS NULL OR rr.status = $3)`;
    const [{ total }]: { total: number }[] = await this.em.query(
      `SELECT count(*)::int AS total FROM replan_request rr JOIN plan_item pi ON pi.id = rr.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE ${where}`,
      [f.programId, f.stateCode, f.status],
    );
    const items: ReplanRequestView[] = await this.em.query(`${VIEW} WHERE ${where} ${ORDER} LIMIT $4 OFFSET $5`, [f.programId, f.stateCode, f.status, f.limit, f.offset]);
    return { total, items };
  }
}
