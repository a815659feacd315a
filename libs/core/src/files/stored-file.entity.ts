import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Program } from '../programs/program.entity.js';
import { State } from '../states/state.entity.js';
import { User } from '../users/user.entity.js';

/**
 * An uploaded evidence file: its metadata here, its bytes in the file storage under `storageKey`. Bound to one
 * state of one program, so only users who may read that state get it back; a file of no state is a template of
 * the program (the blank of an activity's format), readable by every signed-in user. Never edited or deleted.
 */
@Entity('stored_file')
@Unique('stored_file_storage_key_key', ['storageKey'])
@Index('stored_file_program_id_state_code_idx', ['programId', 'stateCode'])
@Check('stored_file_size_check', 'size >= 0')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** null: a program template (see `ActivityFormat.templateFileId`). */
  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  /** The name the uploader gave it (base name only, cleaned). */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Decided from the bytes (magic numbers), never from the client's header. */
  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
