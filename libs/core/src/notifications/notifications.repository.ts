import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { NotificationKind, NotificationResolution } from './notification.entity.js';

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
  resolvedOn: string | null;
  resolution: NotificationResolution | null;
  createdAt: Date;
}

/** An unresolved notification, as the daily job checks it. */
export interface OpenNotification {
  id: string;
  planItemId: string;
  kind: NotificationKind;
  dueOn: string;
}

const VIEW_SELECT = `SELECT n.id, n.state_code AS "stateCode", s.name AS "stateName", a.code AS "activityCode", a.name AS "activityName",
              n.kind, n.due_on::text AS "dueOn", n.detected_on::text AS "detectedOn", n.progress,
              n.resolved_on::text AS "resolvedOn", n.resolution, n.created_at AS "createdAt"
         FROM notification n
         JOIN state s ON s.code = n.state_code
         JOIN plan_item pi ON pi.id = n.plan_item_id
         JOIN activity a ON a.id = pi.activity_id`;

export interface NotificationFilter {
  programId: string;
  stateCode: string | null;
  kind?: NotificationKind;
  /** `open`: not resolved; `resolved`: resolved; absent: both. */
  status?: 'open' | 'resolved';
  limit: number;
  offset: number;
}

@Injectable()
export class NotificationsRepository extends BaseRepository {
  /**
   * Inserts the ones not already there (same item, kind and due date). One that is there but was resolved is
   * reopened (the item meets the same condition again, e.g. a later report below 100 %). Returns how many were
   * inserted and how many reopened.
   */
  async insertMissing(rows: NewNotification[]): Promise<{ inserted: number; reopened: number }> {
    if (rows.length === 0) return { inserted: 0, reopened: 0 };
    const written: { inserted: boolean }[] = await this.em.query(
      `INSERT INTO notification AS n (program_id, state_code, plan_item_id, kind, due_on, detected_on, progress)
       SELECT * FROM unnest($1::uuid[], $2::char(2)[], $3::uuid[], $4::varchar[], $5::date[], $6::date[], $7::float8[])
       ON CONFLICT (plan_item_id, kind, due_on) DO UPDATE SET resolved_on = NULL, resolution = NULL
        WHERE n.resolved_on IS NOT NULL
       RETURNING (xmax = 0) AS inserted`,
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
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, reopened: written.length - inserted };
  }

  /** The program's unresolved notifications. */
  findOpen(programId: string): Promise<OpenNotification[]> {
    return this.em.query(
      `SELECT id, plan_item_id AS "planItemId", kind, due_on::text AS "dueOn" FROM notification WHERE program_id = $1 AND resolved_on IS NULL`,
      [programId],
    );
  }

  /** Marks notifications resolved on `resolvedOn`, each with its reason; ones already resolved stay as they are. */
  async resolve(rows: { id: string; resolution: NotificationResolution }[], resolvedOn: string): Promise<number> {
    if (rows.length === 0) return 0;
    // For an UPDATE, TypeORM's raw result is [rows, affected].
    const [, affected]: [unknown[], number] = await this.em.query(
      `UPDATE notification n SET resolved_on = $3::date, resolution = x.resolution
         FROM unnest($1::uuid[], $2::varchar[]) AS x(id, resolution)
        WHERE n.id = x.id AND n.resolved_on IS NULL`,
      [rows.map((r) => r.id), rows.map((r) => r.resolution), resolvedOn],
    );
    return affected;
  }

  /**
   * Open notifications for the emails: those detected on `detectedOn` (the day's new ones), or all open ones
   * when null; by state, due date, activity.
   */
  findOpenViews(programId: string, detectedOn: string | null): Promise<NotificationView[]> {
    return this.em.query(
      `${VIEW_SELECT}
        WHERE n.program_id = $1 AND n.resolved_on IS NULL AND ($2::date IS NULL OR n.detected_on = $2)
        ORDER BY n.state_code, n.due_on, a.position, n.kind`,
      [programId, detectedOn],
    );
  }

  /** Newest first (detection date, then creation). */
  async findPage(f: NotificationFilter): Promise<{ total: number; items: NotificationView[] }> {
    const where = `n.program_id = $1 AND ($2::char(2) IS NULL OR n.state_code = $2) AND ($3::varchar IS NULL OR n.kind = $3)
                   AND ($4::varchar IS NULL OR (n.resolved_on IS NULL) = ($4 = 'open'))`;
    const params = [f.programId, f.stateCode, f.kind ?? null, f.status ?? null];
    const [{ total }]: { total: string }[] = await this.em.query(`SELECT count(*) AS total FROM notification n WHERE ${where}`, params);
    const items: NotificationView[] = await this.em.query(
      `${VIEW_SELECT}
        WHERE ${where}
        ORDER BY n.detected_on DESC, n.created_at DESC, n.state_code, a.position, n.kind
        LIMIT $5 OFFSET $6`,
      [...params, f.limit, f.offset],
    );
    return { total: Number(total), items };
  }
}
