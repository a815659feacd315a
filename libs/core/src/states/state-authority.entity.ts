import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { State } from './state.entity.js';

/** Which body holds a state's authority role (organismo garante), as dated data: these bodies change. */
@Entity('state_authority')
@Index('state_authority_state_code_valid_from_key', ['stateCode', 'validFrom'], { unique: true })
@Check('state_authority_valid_range_check', 'valid_to IS NULL OR valid_to >= valid_from')
export class StateAuthority {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  acronym: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
