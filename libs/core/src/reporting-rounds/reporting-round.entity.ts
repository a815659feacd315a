import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Program } from '../programs/program.entity.js';

/**
 * A reporting round (ronda de reporte) of a program: a period each participating state reports on once,
 * by a due date. Never edited or deleted, since timeliness figures are computed from it.
 */
@Entity('reporting_round')
@Unique('reporting_round_program_id_code_key', ['programId', 'code'])
@Check('reporting_round_period_check', 'period_end >= period_start')
@Check('reporting_round_due_check', 'due_on >= period_end')
export class ReportingRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** E.g. `2025-Q1`; unique in the program, used in paths. */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'date' })
  dueOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
