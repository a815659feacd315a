import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Program } from '../programs/program.entity.js';
import { State } from '../states/state.entity.js';
import { User } from '../users/user.entity.js';

export const COMMENT_SUBJECTS = ['report', 'plan_item', 'finding'] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];

/**
 * One message in the thread of a report, a plan item or a review-round finding, among the coordination, the
 * commission and the state's officers. Append-only. `answer` marks the state's answer to a finding; `late` says
 * it came after the finding's due date (it is taken, and shown as late).
 */
@Entity('comment')
@Index('comment_subject_type_subject_id_created_at_idx', ['subjectType', 'subjectId', 'createdAt'])
@Check('comment_subject_type_check', "subject_type IN ('report', 'plan_item', 'finding')")
@Check('comment_body_check', 'char_length(body) BETWEEN 1 AND 4000')
@Check('comment_answer_check', "NOT answer OR subject_type = 'finding'")
export class Comment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** The state the subject belongs to: who may read and write the thread. */
  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'varchar', length: 10 })
  subjectType: CommentSubject;

  /** The report, plan item or finding (checked by the service; one column for three tables). */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean', default: false })
  answer: boolean;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A user named with @ in a comment: their notification, until they read it. */
@Entity('comment_mention')
@Index('comment_mention_user_id_created_at_idx', ['userId', 'createdAt'])
export class CommentMention {
  @Column({ type: 'uuid', primary: true })
  commentId: string;

  @ManyToOne(() => Comment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: Comment;

  @Column({ type: 'uuid', primary: true })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
