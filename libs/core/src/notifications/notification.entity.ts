import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlanItem } from '../plans/plan-item.entity.js';
import { Program } from '../programs/program.entity.js';
import { State } from '../states/state.entity.js';

export const NOTIFICATION_KINDS = ['overdue', 'due_soon'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_RESOLUTIONS = ['completed', 'excluded', 'rescheduled'] as const;
export type NotificationResolution = (typeof NOTIFICATION_RESOLUTIONS)[number];

/**
 * A plan item that became overdue, or is due within 7 days, addressed to the state's officers and the
 * coordination. One per (item, kind, due date): a re-run finds it already there, and a re-planned due date
 * is a new occasion. The daily job resolves it (`resolvedOn`, `resolution`) once the item reaches 100 %, is
 * excluded from the plan, or no longer has that due date (re-planned), and reopens it if the item again meets the
 * same condition for the same due date (e.g. a later report below 100 %).
 */
@Entity('notification')
@Unique('notification_plan_item_id_kind_due_on_key', ['planItemId', 'kind', 'dueOn'])
@Index('notification_program_id_state_code_created_at_idx', ['programId', 'stateCode', 'createdAt'])
@Check('notification_kind_check', "kind IN ('overdue', 'due_soon')")
@Check('notification_resolution_check', "(resolved_on IS NULL) = (resolution IS NULL) AND resolution IN ('completed', 'excluded', 'rescheduled')")
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

  /** The day the daily job found the item resolved (its figures as of that date); null while open. */
  @Column({ type: 'date', nullable: true })
  resolvedOn: string | null;

  /** Why: `completed` (100 %), `excluded` (from the plan), `rescheduled` (the due date changed). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  resolution: NotificationResolution | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
