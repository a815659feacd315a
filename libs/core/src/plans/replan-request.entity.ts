import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';
import { PlanItem } from './plan-item.entity.js';

export const REPLAN_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReplanRequestStatus = (typeof REPLAN_REQUEST_STATUSES)[number];

/**
 * A state officer's re-plan that moves a due date later (issue 9.4): it waits for the coordination instead of
 * changing the plan. It holds the change as the officer sent it (fields not sent are null and are left as the item
 * has them when the request is approved) and the dates the item had when it was asked. At most one pending request
 * per item (a partial unique index). Approval applies the change through the same path as a direct re-plan, in the
 * decision's transaction; rejection leaves the plan as it is and needs a reason.
 */
@Entity('replan_request')
@Index('replan_request_plan_item_id_pending_key', ['planItemId'], { unique: true, where: "status = 'pending'" })
@Index('replan_request_plan_item_id_requested_at_idx', ['planItemId', 'requestedAt'])
@Check('replan_request_status_check', "status IN ('pending', 'approved', 'rejected')")
@Check('replan_request_decision_check', "(status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)")
@Check('replan_request_reason_check', "status <> 'rejected' OR decision_reason IS NOT NULL")
@Check('replan_request_dates_check', 'requested_start IS NULL OR requested_due >= requested_start')
export class ReplanRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planItemId: string;

  @ManyToOne(() => PlanItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_item_id' })
  planItem?: PlanItem;

  /** The new start, when the officer sent one; null keeps the item's start. */
  @Column({ type: 'date', nullable: true })
  requestedStart: string | null;

  /** The new due date: later than the item's due date when it was asked (that is what needs approval). */
  @Column({ type: 'date' })
  requestedDue: string;

  /** A change of scope sent along with the dates; null keeps the item's inclusion. */
  @Column({ type: 'boolean', nullable: true })
  requestedIncluded: boolean | null;

  /** The item's dates when the request was made: what it moves from. */
  @Column({ type: 'date' })
  previousStart: string;

  @Column({ type: 'date' })
  previousDue: string;

  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: ReplanRequestStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Required to reject; optional on approval. */
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;
}
