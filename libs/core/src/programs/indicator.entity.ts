import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { numericTransformer, Program } from './program.entity.js';

export const INDICATOR_UNITS = ['count', 'percent'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const INDICATOR_DIRECTIONS = ['up', 'down'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

@Entity('indicator')
@Unique('indicator_program_id_code_key', ['programId', 'code'])
@Check('indicator_unit_check', "unit IN ('count', 'percent')")
@Check('indicator_direction_check', "direction IN ('up', 'down')")
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', nullable: true })
  definition: string | null;

  @Column({ type: 'varchar', length: 10 })
  unit: IndicatorUnit;

  @Column({ type: 'varchar', length: 4, default: 'up' })
  direction: IndicatorDirection;

  /** One of the fixed catalogue in indicator-kinds.ts. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, unknown>;

  @Column({ type: 'numeric', precision: 14, scale: 4, nullable: true, transformer: numericTransformer })
  baselineValue: number | null;

  @Column({ type: 'date', nullable: true })
  baselineDate: string | null;

  @Column({ type: 'int' })
  position: number;
}
