import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, from what to what, and why. Written in the same transaction as the change. */
@Entity('audit_event')
@Index('audit_event_entity_type_entity_id_idx', ['entityType', 'entityId'])
@Index('audit_event_occurred_at_idx', ['occurredAt'])
@Index('audit_event_state_code_occurred_at_idx', ['stateCode', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  /** Dotted verb, e.g. `plan_item.replan`, `program.import`. */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'uuid', nullable: true })
  programId: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  justification: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
