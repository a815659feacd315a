import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
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
  /** Always call on the transaction of the change it describes (`forTx(tx)`). */
  async record(r: AuditRecord): Promise<void> {
    await this.em.insert(AuditEvent, {
      actorId: r.actor?.id ?? null,
      actorEmail: r.actor?.email ?? null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      programId: r.programId ?? null,
      stateCode: r.stateCode ?? null,
      before: (r.before ?? null) as never,
      after: (r.after ?? null) as never,
      justification: r.justification ?? null,
      requestId: currentRequestId(),
    });
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
