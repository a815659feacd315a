import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Program } from '../programs/program.entity.js';

/**
 * A counter per (program, state) bumped in the same transaction as anything the state's figures depend on:
 * reports and reviews (by `ProgressMaintainer`), and participations, plan items, institutions, activities,
 * phases and the program itself (by database triggers, see the migration). Readers cache computed figures under
 * it, so any API instance sees a change at once. `maxReportedOn` is the latest date of any report that ever
 * counted in the state: figures as of a date on or after it can use the maintained unit snapshots.
 */
@Entity('progress_version')
export class ProgressVersion {
  @PrimaryColumn({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @PrimaryColumn({ type: 'char', length: 2 })
  stateCode: string;

  @Column({ type: 'bigint', default: 1 })
  version: string;

  @Column({ type: 'date', nullable: true })
  maxReportedOn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
