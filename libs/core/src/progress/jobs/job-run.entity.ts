import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Program } from '../../programs/program.entity.js';

/**
 * One row per (job, program, date) that ran: which API instance did the work, when, and what it produced.
 * Written in the job's own transaction, under its advisory lock, so a job runs once per day however many
 * instances try.
 */
@Entity('job_run')
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  job: string;

  @PrimaryColumn({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @PrimaryColumn({ type: 'date' })
  runDate: string;

  @Column({ type: 'varchar', length: 120 })
  instanceId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  finishedAt: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  result: Record<string, unknown>;
}
