import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';

export interface ReturnedCountRow {
  stateCode: string;
  planItemId: string;
  returned: number;
}

/** The history early warning reads besides the engine's figures: returned reports. Read-only. */
@Injectable()
export class RisksRepository extends BaseRepository {
  /**
   * Returned reports on each plan item of a program (one state, or all with `stateCode` null) dated in `(from, to]`.
   * Like the progress engine, a report counts by the date it describes, with its review state as it is now.
   */
  findReturnedCounts(programId: string, from: string, to: string, stateCode: string | null): Promise<ReturnedCountRow[]> {
    return this.em.query(
      `SELECT pa.state_code AS "stateCode", r.plan_item_id AS "planItemId", count(*)::int AS returned
         FROM report r
         JOIN plan_item pi ON pi.id = r.plan_item_id
         JOIN participation pa ON pa.id = pi.participation_id
        WHERE pa.program_id = $1
          AND ($4::text IS NULL OR pa.state_code = $4)
          AND r.review_state = 'returned'
          AND r.reported_on > $2::date AND r.reported_on <= $3::date
        GROUP BY pa.state_code, r.plan_item_id`,
      [programId, from, to, stateCode],
    );
  }
}
