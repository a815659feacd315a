import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanItem } from '../plans/plan-item.entity.js';
import { numericTransformer } from '../programs/program.entity.js';
import type { ReportStatus, ReviewState } from '../reports/report.entity.js';

/**
 * One unit's snapshot over a span of dates: `[validFrom, validTo)`. A unit's snapshot (current report, current
 * accepted report, completion date; see `unitSnapshot`) only changes on the dates of its counting reports, so its
 * whole history is a short list of spans, one per such date; the last one is open (`validTo` = `infinity`) and
 * equals the unit's `unit_progress` row. Figures as of a past date read the one span of each unit that contains
 * the date (an index range scan) instead of replaying report history.
 *
 * Maintained by `ProgressMaintainer` in the same transaction as every report and review (only the spans from the
 * written report's date on are rewritten) and rebuilt from history by `ProgressMaintainer.rebuild`.
 */
@Entity('unit_progress_step')
@Index('unit_progress_step_valid_to_valid_from_idx', ['validTo', 'validFrom'])
export class UnitProgressStep {
  @PrimaryColumn({ type: 'uuid' })
  planItemId: string;

  @ManyToOne(() => PlanItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_item_id' })
  planItem?: PlanItem;

  /** As in `unit_progress`: the institution, or `STATE_UNIT_KEY` for the state-level unit. */
  @PrimaryColumn({ type: 'uuid' })
  institutionKey: string;

  /** The date of a counting report of the unit: the snapshot holds from this day on… */
  @PrimaryColumn({ type: 'date' })
  validFrom: string;

  /** …until the day before this one (the unit's next counting report date), or `infinity`. */
  @Column({ type: 'date' })
  validTo: string;

  @Column({ type: 'uuid' })
  currentReportId: string;

  @Column({ type: 'varchar', length: 12 })
  currentStatus: ReportStatus;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  currentPercent: number;

  @Column({ type: 'date' })
  currentReportedOn: string;

  @Column({ type: 'varchar', length: 10 })
  currentReviewState: ReviewState;

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
}
