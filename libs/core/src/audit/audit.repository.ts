import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { preparedQuery } from '../../../database/src/prepared-query.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { currentRequestId } from '../../../platform/src/http/request-context.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditRecord {
  actor: Pick<AuthUser, 'id' | 'email'> | null;
  action: string;
  entityType: string;
  entityId: string;
  programId?: string | null;
  stateCode?: string | null;
  before?: object | null;
  after?: object | null;
  justification?: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  programId?: string;
  stateCode?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository extends BaseRepository {
  /**
   * Always call on the transaction of the change it describes (`forTx(tx)`). One prepared statement (every write of
   * the app records one event, report submissions included).
   */
  async record(r: AuditRecord): Promise<void> {
    await preparedQuery(
      this.em,
      `INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, program_id, state_code, before, after, justification, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
      [
        r.actor?.id ?? null,
        r.actor?.email ?? null,
        r.action,
        r.entityType,
        r.entityId,
        r.programId ?? null,
        r.stateCode ?? null,
        r.before == null ? null : JSON.stringify(r.before),
        r.after == null ? null : JSON.stringify(r.after),
        r.justification ?? null,
        currentRequestId() ?? null,
      ],
    );
  }

  async findPage(f: AuditFilter): Promise<{ total: number; items: AuditEvent[] }> {
    const qb = this.em.createQueryBuilder(AuditEvent, 'e');
    if (f.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: f.entityId });
    if (f.action) qb.andWhere('e.action = :action', { action: f.action });
    if (f.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: f.actorId });
    if (f.programId) qb.andWhere('e.program_id = :programId', { programId: f.programId });
    if (f.stateCode) qb.andWhere('e.state_code = :stateCode', { stateCode: f.stateCode });
    if (f.from) qb.andWhere('e.occurred_at >= :from::date', { from: f.from });
    if (f.to) qb.andWhere("e.occurred_at < (:to::date + interval '1 day')", { to: f.to });
    const [items, total] = await qb.orderBy('e.id', 'DESC').take(f.limit).skip(f.offset).getManyAndCount();
    return { total, items };
  }
}
