import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailMessagesRepository } from './email-messages.repository.js';
import { MailTransport } from './mail-transport.js';

/** Attempts before an email is marked `failed` for good (with the retry schedule, hours of trying). */
export const MAX_ATTEMPTS = 5;

/** nodemailer's codes for a server that cannot be reached (a refused recipient is `EENVELOPE`, and only that one fails). */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH']);

/**
 * Sends the queued emails, oldest first, each in its own transaction that holds the row's lock while the SMTP
 * server takes it (`claimNext`, SKIP LOCKED): instances delivering at the same time share the queue, never an
 * email. The row is marked `sent` with the server's Message-ID in that transaction. A refused or unreachable send
 * stays `pending` for the retry schedule, up to MAX_ATTEMPTS, then is `failed`, with the error recorded; a refused
 * recipient does not hold up the others, an unreachable server ends the pass. An
 * instance that dies after the server accepted an email but before its commit leaves it pending, so that one email
 * could go out twice: SMTP offers no way to make it exactly once, and once at least is the better failure.
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger(MailOutbox.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EmailMessagesRepository,
    private readonly transport: MailTransport,
  ) {}

  /** Delivers up to `limit` pending emails; returns how many went out and how many attempts failed. */
  async deliverPending(limit = 500): Promise<{ sent: number; failed: number }> {
    const tally = { sent: 0, failed: 0 };
    if (!this.transport.enabled) return tally;
    const tried: string[] = [];
    for (let i = 0; i < limit; i++) {
      const outcome = await this.dataSource.transaction(async (tx) => {
        const repo = this.outbox.forTx(tx);
        const email = await repo.claimNext(tried);
        if (!email) return null;
        tried.push(email.id);
        try {
          await repo.markSent(email.id, await this.transport.send({ to: email.recipientEmail, subject: email.subject, text: email.body }));
          return 'sent' as const;
        } catch (e) {
          const message = (e as Error).message;
          this.logger.warn(`email ${email.id} to ${email.recipientEmail} not sent (attempt ${email.attempts + 1}): ${message}`);
          await repo.markAttemptFailed(email.id, message, email.attempts + 1 >= MAX_ATTEMPTS);
          return CONNECTION_ERRORS.has((e as { code?: string }).code ?? '') ? ('unreachable' as const) : ('failed' as const);
        }
      });
      if (outcome === null) break;
      tally[outcome === 'sent' ? 'sent' : 'failed']++;
      // The server cannot be reached: leave the rest for the retry schedule instead of timing out on each.
      if (outcome === 'unreachable') break;
    }
    return tally;
  }
}
