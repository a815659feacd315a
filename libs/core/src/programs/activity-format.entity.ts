import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity.js';
import { Activity } from './activity.entity.js';

/**
 * A format (formato) of an activity: a form the states fill in and upload as document evidence of it, with an
 * optional template (a program-level stored file, of no state). Part of the program document: replaced as a
 * whole on each import. Evidence names it by `code`, so replacing the rows loses nothing.
 */
@Entity('activity_format')
@Unique('activity_format_activity_id_code_key', ['activityId', 'code'])
@Index('activity_format_template_file_id_idx', ['templateFileId'])
export class ActivityFormat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Activity;

  /** Unique within the activity, e.g. `F-01`. */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** A template of the activity's program (stored_file with no state). */
  @Column({ type: 'uuid', nullable: true })
  templateFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_file_id' })
  templateFile?: StoredFile | null;

  /** Order within the activity, as in the program document. */
  @Column({ type: 'int' })
  position: number;
}
