import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlanItem } from '../plans/plan-item.entity.js';
import { Program } from '../programs/program.entity.js';
import { State } from '../states/state.entity.js';

export const NOTIFICATION_KINDS = ['overdue', 'due_soon'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A plan item that became overdue, or is due within 7 days, addressed to the state's officers and the
 * coordination. One per (item, kind, due date): a re-run finds it already there, and a re-planned due date
 * is a new occasion.
 */
@Entity('notification')
@Unique('notification_plan_item_id_kind_due_on_key', ['planItemId', 'kind', 'dueOn'])
@Index('notification_program_id_state_code_created_at_idx', ['programId', 'stateCode', 'createdAt'])
@Check('notification_kind_check', "kind IN ('overdue', 'due_soon')")
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'uuid' })
  planItemId: string;

  @ManyToOne(() => PlanItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_item_id' })
  planItem?: PlanItem;

  @Column({ type: 'varchar', length: 10 })
  kind: NotificationKind;

  /** The item's planned due date when detected. */
  @Column({ type: 'date' })
  dueOn: string;

  /** The day the job detected it (the date its figures are as of). */
  @Column({ type: 'date' })
  detectedOn: string;

  /** Item progress on `detectedOn`, as shown (one decimal). */
  @Column({ type: 'double precision' })
  progress: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
