import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Institution } from '../institutions/institution.entity.js';
import { PlanItem } from '../plans/plan-item.entity.js';
import { numericTransformer } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';
import type { Evidence } from './evidence.entity.js';

export const REPORT_STATUSES = ['not_started', 'in_progress', 'completed', 'blocked'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REVIEW_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * A progress report on one unit: a plan item, plus one institution on institution-level items. Append-only:
 * a report is never edited or deleted (only its review is recorded once); a newer one supersedes it.
 * `seq` orders reports by creation without ties, so "the later-created one" is always defined.
 */
@Entity('report')
@Unique('report_seq_key', ['seq'])
@Unique('report_author_id_idempotency_key_key', ['authorId', 'idempotencyKey'])
@Index('report_plan_item_id_institution_id_reported_on_idx', ['planItemId', 'institutionId', 'reportedOn'])
@Index('report_institution_id_idx', ['institutionId'])
@Index('report_review_state_seq_idx', ['reviewState', 'seq'])
@Check('report_status_check', "status IN ('not_started', 'in_progress', 'completed', 'blocked')")
@Check('report_percent_check', 'percent >= 0 AND percent <= 100')
@Check('report_status_percent_check', "(status <> 'completed' OR percent = 100) AND (status <> 'not_started' OR percent = 0)")
@Check('report_review_state_check', "review_state IN ('submitted', 'accepted', 'returned')")
@Check('report_review_reason_check', "(review_state = 'returned') = (review_reason IS NOT NULL)")
@Check('report_reviewed_check', "(review_state = 'submitted') = (reviewed_at IS NULL) AND (reviewed_at IS NULL) = (reviewed_by_id IS NULL)")
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Creation order (bigint identity, as a string): strictly increasing, so it breaks every tie. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;

  @Column({ type: 'uuid' })
  planItemId: string;

  @ManyToOne(() => PlanItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_item_id' })
  planItem?: PlanItem;

  /** Set for, and only for, institution-level activities. */
  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution | null;

  @Column({ type: 'varchar', length: 12 })
  status: ReportStatus;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  percent: number;

  /** The date the report describes (not when it was entered). */
  @Column({ type: 'date' })
  reportedOn: string;

  @Column({ type: 'text', nullable: true })
  narrative: string | null;

  /** Values of metrics the activity declares, e.g. `{ "personas_sensibilizadas": 120 }`: totals as of reportedOn. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  metrics: Record<string, number>;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** The client's `Idempotency-Key`: a retried POST by the same author returns this report. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 10, default: 'submitted' })
  reviewState: ReviewState;

  /** Why it was returned (required for, and only for, `returned`). */
  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany('Evidence', 'report')
  evidence?: Evidence[];
}
