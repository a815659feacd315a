import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Phase } from './phase.entity.js';
import { numericTransformer, Program } from './program.entity.js';

export const ACTIVITY_LEVELS = ['state', 'institution'] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];
export const EVIDENCE_KINDS = ['document', 'url', 'dataset'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

@Entity('activity')
@Unique('activity_program_id_code_key', ['programId', 'code'])
@Index('activity_phase_id_idx', ['phaseId'])
@Check('activity_level_check', "level IN ('state', 'institution')")
@Check('activity_weight_check', 'weight > 0')
@Check('activity_days_check', 'start_day >= 0 AND duration_days >= 0')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'uuid' })
  phaseId: string;

  @ManyToOne(() => Phase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'phase_id' })
  phase?: Phase;

  /** Unique in the program, e.g. `4.3`. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  level: ActivityLevel;

  /** Days from the state's join date to the planned start. */
  @Column({ type: 'int' })
  startDay: number;

  @Column({ type: 'int' })
  durationDays: number;

  @Column({ type: 'numeric', precision: 10, scale: 4, transformer: numericTransformer })
  weight: number;

  @Column({ type: 'boolean', default: false })
  optional: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidenceKinds: EvidenceKind[];

  /**
   * Verifiable completion: a report may say `completed` only when it carries evidence of every kind in
   * `evidenceKinds` (SPEC §3 "expected evidence"; on unless the program document turns it off).
   */
  @Column({ type: 'boolean', default: true })
  completionNeedsEvidence: boolean;

  /** Named numeric metrics a report on this activity may carry, e.g. `personas_sensibilizadas`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  metrics: string[];

  /** Order in the program document, so export reproduces it. */
  @Column({ type: 'int' })
  position: number;
}
