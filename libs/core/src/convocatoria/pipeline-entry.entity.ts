import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity.js';
import { Program } from '../programs/program.entity.js';
import { State } from '../states/state.entity.js';
import { User } from '../users/user.entity.js';
import type { PipelineStage } from './pipeline-rules.js';

/**
 * A state on its way into a program, before it joins (the national convocatoria): candidate → interested
 * (manifiesto de interés, dated, with a document) → convened → joined | declined. One per program and state.
 */
@Entity('pipeline_entry')
@Unique('pipeline_entry_program_id_state_code_key', ['programId', 'stateCode'])
@Check('pipeline_entry_stage_check', "stage IN ('candidate', 'interested', 'convened', 'joined', 'declined')")
@Check('pipeline_entry_declined_check', "stage <> 'declined' OR declined_reason IS NOT NULL")
export class PipelineEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'varchar', length: 12 })
  stage: PipelineStage;

  /** The group the coordination follows it in (e.g. "Manifestaron interés"); free text, optional. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  cohort: string | null;

  @Column({ type: 'date', nullable: true })
  interestOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  interestFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'interest_file_id' })
  interestFile?: StoredFile;

  @Column({ type: 'date', nullable: true })
  convenedOn: string | null;

  @Column({ type: 'date', nullable: true })
  joinedOn: string | null;

  @Column({ type: 'date', nullable: true })
  declinedOn: string | null;

  @Column({ type: 'text', nullable: true })
  declinedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The dated log of an entry's stages: one row per step, the first from null (added as candidate). */
@Entity('pipeline_transition')
@Index('pipeline_transition_pipeline_entry_id_idx', ['pipelineEntryId'])
@Check('pipeline_transition_to_stage_check', "to_stage IN ('candidate', 'interested', 'convened', 'joined', 'declined')")
export class PipelineTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineEntryId: string;

  @ManyToOne(() => PipelineEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_entry_id' })
  pipelineEntry?: PipelineEntry;

  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStage: PipelineStage | null;

  @Column({ type: 'varchar', length: 12 })
  toStage: PipelineStage;

  /** The date the step happened (not when it was recorded). */
  @Column({ type: 'date' })
  on: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A meeting of the coordination with a state while it is convened (date, topic, notes). */
@Entity('accompaniment_session')
@Index('accompaniment_session_pipeline_entry_id_held_on_idx', ['pipelineEntryId', 'heldOn'])
export class AccompanimentSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineEntryId: string;

  @ManyToOne(() => PipelineEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_entry_id' })
  pipelineEntry?: PipelineEntry;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

