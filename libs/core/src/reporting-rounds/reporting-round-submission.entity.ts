import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { State } from '../states/state.entity.js';
import { User } from '../users/user.entity.js';
import { ReportingRound } from './reporting-round.entity.js';

/** A state's delivery of one reporting round: one per (round, state), never edited or deleted. */
@Entity('reporting_round_submission')
@Unique('reporting_round_submission_round_id_state_code_key', ['roundId', 'stateCode'])
@Index('reporting_round_submission_state_code_idx', ['stateCode'])
@Check('reporting_round_submission_summary_check', 'char_length(summary) BETWEEN 1 AND 2000')
export class ReportingRoundSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportingRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id' })
  round?: ReportingRound;

  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'text' })
  summary: string;

  /** The instant it was recorded (Clock.now()). */
  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  /** `submittedAt` as a calendar date in the program's time zone: what on time is judged by. */
  @Column({ type: 'date' })
  submittedOn: string;

  /** The state officer, or the coordinator who recorded it on the state's behalf. */
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;
}
