import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PlanItem } from '../plans/plan-item.entity.js';
import { numericTransformer } from '../programs/program.entity.js';
import type { ReportStatus, ReviewState } from '../reports/report.entity.js';

/** `institution_key` of the one unit of a state-level item (institution-level units use the institution's id). */
export const STATE_UNIT_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * One unit's snapshot over all its reports (SPEC §4; see `UnitSnapshot` in progress-types.ts): its current
 * report, its current accepted report and its completion date. Maintained by `ProgressMaintainer` in the same
 * transaction as every report and review, so today's figures never re-read report history. A unit without a
 * row has no report. Rebuilt from history by `ProgressMaintainer.rebuild`.
 */
@Entity('unit_progress')
export class UnitProgress {
  @PrimaryColumn({ type: 'uuid' })
  planItemId: string;

  @ManyToOne(() => PlanItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_item_id' })
  planItem?: PlanItem;

  /** The institution on institution-level items, `STATE_UNIT_KEY` for the state-level unit (a key cannot be null). */
  @PrimaryColumn({ type: 'uuid' })
  institutionKey: string;

  @Column({ type: 'uuid', nullable: true })
  currentReportId: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  currentStatus: ReportStatus | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  currentPercent: number | null;

  @Column({ type: 'date', nullable: true })
  currentReportedOn: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  currentReviewState: ReviewState | null;

  @Column({ type: 'uuid', nullable: true })
  validatedReportId: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  validatedStatus: ReportStatus | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  validatedPercent: number | null;

  @Column({ type: 'date', nullable: true })
  validatedReportedOn: string | null;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
