import { Injectable } from '@nestjs/common';
import { AuditRepository } from './audit.repository.js';
import { toAuditEventResponse, type AuditPageResponse } from './dto/audit-event.response.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async list(q: AuditQueryDto): Promise<AuditPageResponse> {
    const page = await this.audit.findPage({ ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return { total: page.total, items: page.items.map(toAuditEventResponse) };
  }
}
