import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EMAIL_KINDS, EMAIL_STATUSES, type EmailKind, type EmailMessage, type EmailStatus } from '../email-message.entity.js';

export class EmailMessageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_KINDS })
  @IsOptional() @IsIn(EMAIL_KINDS, { message: `kind must be one of: ${EMAIL_KINDS.join(', ')}` })
  kind?: EmailKind;

  @ApiPropertyOptional({ enum: EMAIL_STATUSES, description: '`pending`: queued, or waiting for a retry; `sent`; `failed`: given up after the last attempt' })
  @IsOptional() @IsIn(EMAIL_STATUSES, { message: `status must be one of: ${EMAIL_STATUSES.join(', ')}` })
  status?: EmailStatus;

  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class EmailMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EMAIL_KINDS, description: '`deadline_notice`: the day’s overdue and due-soon items; `weekly_digest`' }) kind: EmailKind;
  @ApiProperty({ example: '2025-03-17', description: 'The day of a deadline notice; the Monday of a digest’s week' }) occasion: string;
  @ApiProperty({ format: 'uuid' }) recipientId: string;
  @ApiProperty({ example: 'enlace.oaxaca@ogaipoaxaca.org.mx' }) recipientEmail: string;
  @ApiProperty({ example: 'Oaxaca: 1 actividad vencida y 1 por vencer (condatos-2024, 15 de marzo de 2025)' }) subject: string;
  @ApiProperty({ description: 'The text sent' }) body: string;
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed' }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The Message-ID the SMTP server accepted it with' }) messageId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
}

export class EmailMessagePageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [EmailMessageResponse] }) items: EmailMessageResponse[];
}

export function toEmailMessageResponse(m: EmailMessage): EmailMessageResponse {
  return {
    id: m.id, kind: m.kind, occasion: m.occasion, recipientId: m.recipientId, recipientEmail: m.recipientEmail, subject: m.subject, body: m.body,
    status: m.status, attempts: m.attempts, lastError: m.lastError, messageId: m.messageId, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null,
  };
}
