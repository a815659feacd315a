import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Program } from '../programs/program.entity.js';
import type { ProgramDocument } from '../programs/program-document.js';
import { User } from '../users/user.entity.js';

export const COMMENT_TYPES = ['form', 'substance'] as const;
/** Forma (wording, structure) or fondo (substance), as the minutes count them. */
export type ConsultationCommentType = (typeof COMMENT_TYPES)[number];

/**
 * A version of a program kept as it was issued (e.g. the draft put to consultation, then the approved text): its
 * label, date and the whole program document at that point. Never edited; versions are compared by their documents.
 */
@Entity('program_version')
@Unique('program_version_program_id_label_key', ['programId', 'label'])
@Index('program_version_program_id_issued_on_idx', ['programId', 'issuedOn'])
export class ProgramVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The canonical program document of this version (SPEC §5). */
  @Column({ type: 'jsonb' })
  document: ProgramDocument;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A consultation on one version of a program (e.g. with the guarantor bodies, or public), whose comments are recorded. */
@Entity('consultation_round')
@Index('consultation_round_program_version_id_idx', ['programVersionId'])
@Check('consultation_round_dates_check', 'closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on')
export class ConsultationRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programVersionId: string;

  @ManyToOne(() => ProgramVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_version_id' })
  programVersion?: ProgramVersion;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'date', nullable: true })
  opensOn: string | null;

  @Column({ type: 'date', nullable: true })
  closesOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One comment received in a consultation: who sent it, of form or substance, its text, the part of the program it
 * is about (optional), and whether it was attended, with the answer (required when it was not, e.g. "ya considerado").
 */
@Entity('consultation_comment')
@Index('consultation_comment_round_id_idx', ['roundId'])
@Check('consultation_comment_type_check', "type IN ('form', 'substance')")
@Check('consultation_comment_response_check', 'attended OR response IS NOT NULL')
export class ConsultationComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ConsultationRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: ConsultationRound;

  /** The body that sent it (an organismo garante, an institution, a person). */
  @Column({ type: 'varchar', length: 300 })
  originBody: string;

  @Column({ type: 'varchar', length: 10 })
  type: ConsultationCommentType;

  @Column({ type: 'text' })
  text: string;

  /** The activity of the version it is about, when it is about one. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  activityCode: string | null;

  @Column({ type: 'boolean' })
  attended: boolean;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A confirmed import of a sheet of comments into a round: its SHA-256 makes it idempotent (sent again, it writes nothing). */
@Entity('consultation_import')
@Unique('consultation_import_round_id_file_hash_key', ['roundId', 'fileHash'])
export class ConsultationImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ConsultationRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: ConsultationRound;

  @Column({ type: 'char', length: 64 })
  fileHash: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'int' })
  rowCount: number;

  @Column({ type: 'int' })
  created: number;

  @Column({ type: 'int' })
  unchanged: number;

  @Column({ type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
