import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Program } from '../programs/program.entity.js';
import { State } from '../states/state.entity.js';

/** A state in a program (adhesión). Withdrawal sets `exitedOn`; history is kept. */
@Entity('participation')
@Unique('participation_program_id_state_code_key', ['programId', 'stateCode'])
@Check('participation_dates_check', 'exited_on IS NULL OR exited_on >= joined_on')
export class Participation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'date' })
  joinedOn: string;

  @Column({ type: 'date', nullable: true })
  exitedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
