import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Program } from '../programs/program.entity.js';

/**
 * The figures of one day, for trend charts: one row per (program, date, scope), scope `national` or a state
 * code. Written once by the daily job; a second run the same day inserts nothing.
 */
@Entity('progress_snapshot')
export class ProgressSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @PrimaryColumn({ type: 'date' })
  snapshotDate: string;

  /** `national` or a two-digit state code. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  scope: string;

  /** Unrounded figures as the engine computed them as of `snapshotDate` (national or state summary). */
  @Column({ type: 'jsonb' })
  figures: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
