import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export const PROGRAM_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

const numeric = { from: (v: string | null) => (v === null ? null : Number(v)), to: (v: number | null) => v };
export { numeric as numericTransformer };

@Entity('program')
@Unique('program_code_key', ['code'])
@Check('program_status_check', "status IN ('draft', 'active', 'closed')")
@Check('program_thresholds_check', 'threshold_off_track <= threshold_at_risk')
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  approvalReference: string | null;

  @Column({ type: 'date', nullable: true })
  approvedOn: string | null;

  @Column({ type: 'varchar', length: 64, default: 'America/Mexico_City' })
  timeZone: string;

  /** Schedule variance (pp) below which a state is `at_risk`. */
  @Column({ type: 'numeric', precision: 6, scale: 2, default: -5, transformer: numeric })
  thresholdAtRisk: number;

  /** Schedule variance (pp) below which a state is `off_track`. */
  @Column({ type: 'numeric', precision: 6, scale: 2, default: -15, transformer: numeric })
  thresholdOffTrack: number;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: ProgramStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
