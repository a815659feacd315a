import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';

export const EMAIL_KINDS = ['deadline_notice', 'weekly_digest'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * An email to one user, written (queued) by the job that decided it in the job's own transaction, then sent by the
 * outbox (`MailOutbox`). One per (kind, program, occasion, recipient): the occasion is the day of a deadline notice
 * or the week of a digest, so however many instances run the schedule a person gets it once. The row is the
 * record of what went out: its text, when, the SMTP server's message id, or why it failed.
 */
@Entity('email_message')
@Unique('email_message_kind_program_id_occasion_recipient_id_key', ['kind', 'programId', 'occasion', 'recipientId'])
@Index('email_message_status_created_at_idx', ['status', 'createdAt'])
@Check('email_message_kind_check', "kind IN ('deadline_notice', 'weekly_digest')")
@Check('email_message_status_check', "status IN ('pending', 'sent', 'failed')")
@Check('email_message_sent_check', "(status = 'sent') = (sent_at IS NOT NULL)")
export class EmailMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: EmailKind;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** The day (YYYY-MM-DD) of a deadline notice; the Monday of a digest's week. */
  @Column({ type: 'date' })
  occasion: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: User;

  /** The address when queued (a later change of the user's email does not rewrite history). */
  @Column({ type: 'varchar', length: 320 })
  recipientEmail: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: EmailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The Message-ID the SMTP server accepted it with. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
