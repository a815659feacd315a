import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Participation } from '../plans/participation.entity.js';
import { User } from '../users/user.entity.js';

// `comments`: a consultation round's comments (recorded in `consultation_import`, not here: they belong to no participation).
export const IMPORT_KINDS = ['institutions', 'reports', 'comments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A confirmed import of a file into one participation. The file's SHA-256 makes a confirmed import idempotent:
 * the same file sent again (a double click, a retry after a lost answer) finds its batch and writes nothing.
 */
@Entity('import_batch')
@Unique('import_batch_participation_id_kind_file_hash_key', ['participationId', 'kind', 'fileHash'])
export class ImportBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participationId: string;

  @ManyToOne(() => Participation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  @Column({ type: 'varchar', length: 20 })
  kind: ImportKind;

  @Column({ type: 'char', length: 64 })
  fileHash: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'int' })
  rowCount: number;

  @Column({ type: 'int' })
  created: number;

  @Column({ type: 'int' })
  updated: number;

  @Column({ type: 'int' })
  unchanged: number;

  @Column({ type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
