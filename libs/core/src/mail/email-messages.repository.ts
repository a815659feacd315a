import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { EmailMessage, type EmailKind, type EmailStatus } from './email-message.entity.js';

export type NewEmail = Pick<EmailMessage, 'kind' | 'programId' | 'occasion' | 'recipientId' | 'recipientEmail' | 'subject' | 'body'>;
export type QueuedEmail = Pick<EmailMessage, 'id' | 'recipientEmail' | 'subject' | 'body' | 'attempts'>;

/** The email outbox: rows are queued by the jobs and claimed, one at a time, by whoever delivers them. */
@Injectable()
export class EmailMessagesRepository extends BaseRepository {
  /** Queues the emails not queued before (same kind, program, occasion and recipient); returns how many were new. */
  async queue(rows: readonly NewEmail[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: unknown[] = await this.em.query(
      `INSERT INTO email_message (kind, program_id, occasion, recipient_id, recipient_email, subject, body)
       SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::date[], $4::uuid[], $5::varchar[], $6::varchar[], $7::text[])
       ON CONFLICT ON CONSTRAINT email_message_kind_program_id_occasion_recipient_id_key DO NOTHING
       RETURNING id`,
      [rows.map((r) => r.kind), rows.map((r) => r.programId), rows.map((r) => r.occasion), rows.map((r) => r.recipientId), rows.map((r) => r.recipientEmail), rows.map((r) => r.subject), rows.map((r) => r.body)],
    );
    return inserted.length;
  }

  /**
   * The oldest pending email but those in `skip` (tried already in this pass), locked until the transaction ends;
   * one another instance is sending is skipped (SKIP LOCKED), so two instances never send the same email at once.
   */
  async claimNext(skip: readonly string[] = []): Promise<QueuedEmail | null> {
    const [row]: QueuedEmail[] = await this.em.query(
      `SELECT id, recipient_email AS "recipientEmail", subject, body, attempts FROM email_message
        WHERE status = 'pending' AND id <> ALL($1::uuid[]) ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [skip],
    );
    return row ?? null;
  }

  async markSent(id: string, messageId: string | null): Promise<void> {
    await this.em.query(`UPDATE email_message SET status = 'sent', sent_at = now(), attempts = attempts + 1, message_id = $2, last_error = NULL WHERE id = $1`, [id, messageId]);
  }

  /** A failed attempt: kept pending for the next retry, or `failed` for good once `giveUp`. */
  async markAttemptFailed(id: string, error: string, giveUp: boolean): Promise<void> {
    await this.em.query(`UPDATE email_message SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE 'pending' END WHERE id = $1`, [id, error.slice(0, 2000), giveUp]);
  }

  /** What went out (or did not) for one program, newest first, and how many in all. */
  findPage(f: { programId: string; kind?: EmailKind; status?: EmailStatus; limit: number; offset: number }): Promise<[EmailMessage[], number]> {
    const where = { programId: f.programId, ...(f.kind ? { kind: f.kind } : {}), ...(f.status ? { status: f.status } : {}) };
    return this.em.findAndCount(EmailMessage, { where, order: { createdAt: 'DESC', id: 'DESC' }, take: f.limit, skip: f.offset });
  }
}
