import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../../../platform/src/config/app-config.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Email out through `SMTP_URL` (nodemailer); `enabled` is false, and nothing is queued, when it is unset. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | null;
  private readonly from: string;

  constructor(config: AppConfig) {
    // Timeouts well below a job's patience: an unreachable server fails the attempt, the retry schedule tries again.
    this.transporter = config.SMTP_URL ? nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : null;
    this.from = config.RUMBO_MAIL_FROM;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** Sends one email; returns the Message-ID the server accepted. Throws when it is refused or unreachable. */
  async send(email: OutgoingEmail): Promise<string | null> {
    if (!this.transporter) throw new Error('email is off (SMTP_URL is not set)');
    const info = await this.transporter.sendMail({ from: this.from, to: email.to, subject: email.subject, text: email.text });
    return typeof info.messageId === 'string' ? info.messageId : null;
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
