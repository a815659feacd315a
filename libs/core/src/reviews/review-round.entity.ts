import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';
import type { FrozenFigures } from './review-figures.js';

export const REVIEW_ROUND_STATUSES = ['open', 'closed'] as const;
export type ReviewRoundStatus = (typeof REVIEW_ROUND_STATUSES)[number];

/**
 * A review round (ronda de revisión): every progress and indicator figure of a program as of `asOf`, frozen when the
 * round is created, with a citable code (`RR-2026-001`). Findings are added while it is open; closing records the
 * commission's agreement. The frozen columns never change: the service never updates them and a trigger refuses it.
 */
@Entity('review_round')
@Unique('review_round_program_id_code_key', ['programId', 'code'])
@Unique('review_round_program_id_seq_key', ['programId', 'seq'])
@Check('review_round_status_check', "status IN ('open', 'closed')")
@Check('review_round_closed_check', "(status = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by_id IS NULL) AND (closed_at IS NULL) = (agreement_reference IS NULL)")
export class ReviewRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** 1, 2, 3… per program, in creation order. */
  @Column({ type: 'int' })
  seq: number;

  /** Citable identifier, unique in the program: given, or `RR-<year>-<seq, 3 digits>`. */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** The date the figures describe. */
  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'varchar', length: 6, default: 'open' })
  status: ReviewRoundStatus;

  /** Unrounded progress and indicator figures as computed at creation (see review-figures.ts). */
  @Column({ type: 'jsonb' })
  figures: FrozenFigures;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by_id' })
  closedBy?: User | null;

  /** The commission's agreement that closes the round, e.g. `SNAIP/CEATP/ACUERDO/…`. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  agreementReference: string | null;
}
