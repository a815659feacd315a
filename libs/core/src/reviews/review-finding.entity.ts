import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { State } from '../states/state.entity.js';
import { User } from '../users/user.entity.js';
import { ReviewRound } from './review-round.entity.js';

export const FINDING_TYPES = ['data_error', 'missing_evidence', 'delay', 'other'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** A finding of the commission in a review round, about one state (and optionally one activity). Never edited. */
@Entity('review_finding')
@Unique('review_finding_review_round_id_number_key', ['reviewRoundId', 'number'])
@Index('review_finding_review_round_id_state_code_idx', ['reviewRoundId', 'stateCode'])
@Check('review_finding_type_check', "type IN ('data_error', 'missing_evidence', 'delay', 'other')")
@Check('review_finding_description_check', 'char_length(description) BETWEEN 1 AND 5000')
export class ReviewFinding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reviewRoundId: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'review_round_id' })
  reviewRound?: ReviewRound;

  /** 1, 2, 3… within the round, so a finding is citable as `RR-2026-001/2`. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 20 })
  type: FindingType;

  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  /** The activity concerned (its plan item in that state), when the finding is about one. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  activityCode: string | null;

  @Column({ type: 'text' })
  description: string;

  /** When the state should have answered it. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
