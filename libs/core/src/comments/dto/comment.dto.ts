import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalNotNull } from '../../../../platform/src/http/field-rules.js';
import { COMMENT_SUBJECTS, type CommentSubject } from '../comment.entity.js';
import type { CommentView, MentionView } from '../comments.repository.js';

export const COMMENT_MAX = 4000;

export class ThreadQueryDto {
  @ApiProperty({ enum: COMMENT_SUBJECTS, description: 'What the thread is about' })
  @IsIn(COMMENT_SUBJECTS, { message: `subjectType must be one of: ${COMMENT_SUBJECTS.join(', ')}` })
  subjectType: CommentSubject;

  @ApiProperty({ format: 'uuid', description: 'The report, plan item or finding' })
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId: string;
}

export class CreateCommentDto extends ThreadQueryDto {
  @ApiProperty({ example: 'La evidencia no abre; @enlace.oaxaca@ogaipoaxaca.org.mx ¿puede subirla de nuevo?', maxLength: COMMENT_MAX, description: 'Name someone with @ and their email: they are notified (GET /me/mentions). Only people who may read the thread can be named' })
  @IsString() @Matches(/\S/, { message: 'body must not be blank' }) @MaxLength(COMMENT_MAX)
  body: string;

  @ApiPropertyOptional({ default: false, description: 'On a finding, by its state’s officer: this is the state’s answer (after the due date it is taken and marked late)' })
  @OptionalNotNull() @IsBoolean()
  answer?: boolean;
}

export class PersonRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Enlace Oaxaca' }) name: string;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMMENT_SUBJECTS }) subjectType: CommentSubject;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ type: PersonRefResponse }) author: PersonRefResponse;
  @ApiProperty({ enum: ['admin', 'coordinator', 'reviewer', 'state_officer'] }) authorRole: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'The state’s answer to a finding' }) answer: boolean;
  @ApiProperty({ description: 'An answer given after the finding’s due date' }) late: boolean;
  @ApiProperty({ type: [PersonRefResponse], description: 'The people named with @' }) mentions: PersonRefResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MentionResponse extends CommentResponse {
  @ApiProperty({ example: 'condatos-2024' }) programCode: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the named user marked it read; null while unread' }) readAt: string | null;
}

export class MentionPageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Unread mentions in all' }) unread: number;
  @ApiProperty({ type: [MentionResponse] }) items: MentionResponse[];
}

export class MentionQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: '`true`: only unread ones' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class MarkMentionsReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The comments to mark read; absent: all of them' })
  @OptionalNotNull() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'commentIds must be UUIDs' })
  commentIds?: string[];
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'Mentions that were unread and now are read' }) marked: number;
}

export function toCommentResponse(c: CommentView): CommentResponse {
  return {
    id: c.id, subjectType: c.subjectType, subjectId: c.subjectId, stateCode: c.stateCode, author: { id: c.authorId, name: c.authorName }, authorRole: c.authorRole,
    body: c.body, answer: c.answer, late: c.late, mentions: c.mentions, createdAt: new Date(c.createdAt).toISOString(),
  };
}

export function toMentionResponse(m: MentionView): MentionResponse {
  return { ...toCommentResponse(m), programCode: m.programCode, readAt: m.readAt ? new Date(m.readAt).toISOString() : null };
}
