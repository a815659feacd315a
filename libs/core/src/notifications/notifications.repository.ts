import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { NotificationKind } from './notification.entity.js';

export interface NewNotification {
  programId: string;
  stateCode: string;
  planItemId: string;
  kind: NotificationKind;
  dueOn: string;
  detectedOn: string;
  progress: number;
}

export interface NotificationView {
  id: string;
  stateCode: string;
  stateName: string;
  activityCode: string;
  activityName: string;
  kind: NotificationKind;
  dueOn: string;
  detectedOn: string;
  progress: number;
  createdAt: Date;
}

export interface NotificationFilter {
  programId: string;
  stateCode: string | null;
  kind?: NotificationKind;
  limit: number;
  offset: number;
}

@Injectable()
export class NotificationsRepository extends BaseRepository {
  /** Inserts the ones not already there (same item, kind and due date); returns how many were new. */
  async insertMissing(rows: NewNotification[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: unknown[] = await this.em.query(
      `INSERT INTO notification (program_id, state_code, plan_item_id, kind, due_on, detected_on, progress)
       SELECT * FROM unnest($1::uuid[], $2::char(2)[], $3::uuid[], $4::varchar[], $5::date[], $6::date[], $7::float8[])
       ON CONFLICT (plan_item_id, kind, due_on) DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.programId),
        rows.map((r) => r.stateCode),
        rows.map((r) => r.planItemId),
        rows.map((r) => r.kind),
        rows.map((r) => r.dueOn),
        rows.map((r) => r.detectedOn),
        rows.map((r) => r.progress),
      ],
    );
    return inserted.length;
  }

  /** Newest first (detection date, then creation). */
  async findPage(f: NotificationFilter): Promise<{ total: number; items: NotificationView[] }> {
    const where = `n.program_id = $1 AND ($2::char(2) IS NULL OR n.state_code = $2) AND ($3::varchar IS NULL OR n.kind = $3)`;
    const params = [f.programId, f.stateCode, f.kind ?? null];
    const [{ total }]: { total: string }[] = await this.em.query(`SELECT count(*) AS total FROM notification n WHERE ${where}`, params);
    const items: NotificationView[] = await this.em.query(
      `SELECT n.id, n.state_code AS "stateCode", s.name AS "stateName", a.code AS "activityCode", a.name AS "activityName",
              n.kind, n.due_on::text AS "dueOn", n.detected_on::text AS "detectedOn", n.progress, n.created_at AS "createdAt"
         FROM notification n
         JOIN state s ON s.code = n.state_code
         JOIN plan_item pi ON pi.id = n.plan_item_id
         JOIN activity a ON a.id = pi.activity_id
        WHERE ${where}
        ORDER BY n.detected_on DESC, n.created_at DESC, n.state_code, a.position, n.kind
        LIMIT $4 OFFSET $5`,
      [...params, f.limit, f.offset],
    );
    return { total: Number(total), items };
  }
}
