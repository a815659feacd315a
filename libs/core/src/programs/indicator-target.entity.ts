import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { State } from '../states/state.entity.js';
import { Indicator } from './indicator.entity.js';
import { numericTransformer } from './program.entity.js';

/** A target for one indicator: national (`stateCode` null) or for one state; `targetDate` null = every period. */
@Entity('indicator_target')
@Index('indicator_target_indicator_id_idx', ['indicatorId'])
export class IndicatorTarget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator;

  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  value: number;

  @Column({ type: 'date', nullable: true })
  targetDate: string | null;

  @Column({ type: 'int' })
  position: number;
}
