import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from '../audit-event.entity.js';

export class AuditEventResponse {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty({ example: 'plan_item.replan' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: String }) programId: string | null;
  @ApiProperty({ nullable: true, type: String }) stateCode: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The record before the change (free-form)' }) before: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The record after the change (free-form)' }) after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) justification: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}

export class AuditPageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
}

export function toAuditEventResponse(e: AuditEvent): AuditEventResponse {
  return { ...e, id: String(e.id), occurredAt: e.occurredAt.toISOString() };
}
