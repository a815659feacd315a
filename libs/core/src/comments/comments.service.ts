import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import type { Program } from '../programs/program.entity.js';
import { CommentsRepository, type CommentSubjectRef, type MentionCandidate } from './comments.repository.js';
import { toCommentResponse, toMentionResponse, type CommentResponse, type CreateCommentDto, type MarkMentionsReadDto, type MentionPageResponse, type MentionQueryDto, type ThreadQueryDto } from './dto/comment.dto.js';

/** `@ana.perez@example.mx`: an @ followed by an email address (the address may end a sentence: `…@x.mx.`). */
const MENTION = /(?:^|[^\w.])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

/** The emails a comment names with @, lower case, once each, in order. */
export function mentionedEmails(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1].replace(/\.+$/, '').toLowerCase()))];
}

/**
 * Threads on a report, a plan item or a finding, among the coordination, the commission and the state's officers.
 * Reading follows the subject's state (national roles, or its own officers); writing is for the coordinator, the
 * reviewer and the state's officers. Each @email names someone who may read the thread and notifies them.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly comments: CommentsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async thread(user: AuthUser, programIdOrCode: string, q: ThreadQueryDto): Promise<CommentResponse[]> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const subject = await this.subjectOrFail(program, q);
    assertCanReadState(user, subject.stateCode);
    return (await this.comments.findThread(q.subjectType, q.subjectId)).map(toCommentResponse);
  }

  async create(user: AuthUser, programIdOrCode: string, dto: CreateCommentDto): Promise<CommentResponse> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const subject = await this.subjectOrFail(program, dto);
    // Officers of another state learn nothing about the subject: the same 403 as for any of its records.
    assertCanWriteState(user, subject.stateCode, ['coordinator', 'reviewer']);
    const answer = dto.answer === true;
    if (answer && dto.subjectType !== 'finding') throw new FieldValidationException([{ field: 'answer', message: 'only a finding is answered; leave answer out on other threads' }]);
    if (answer && user.role !== 'state_officer') throw new FieldValidationException([{ field: 'answer', message: 'the answer to a finding is the state’s: only its officers give it' }]);
    const body = dto.body.trim();
    const mentioned = await this.mentioned(body, subject);
    const late = answer && subject.dueOn !== null && this.clock.today(program.timeZone) > subject.dueOn;

    return this.dataSource.transaction(async (tx) => {
      const comments = this.comments.forTx(tx);
      const id = await comments.insert({ programId: program.id, stateCode: subject.stateCode, subjectType: dto.subjectType, subjectId: dto.subjectId, authorId: user.id, body, answer, late, createdAt: this.clock.now() }, mentioned.map((m) => m.id));
      await this.audit.forTx(tx).record({
        actor: user,
        action: answer ? 'finding.answer' : 'comment.create',
        entityType: 'comment',
        entityId: id,
        programId: program.id,
        stateCode: subject.stateCode,
        after: { subjectType: dto.subjectType, subjectId: dto.subjectId, answer, late, mentions: mentioned.map((m) => m.id) },
      });
      return toCommentResponse(await comments.findView(id));
    });
  }

  async mentions(user: AuthUser, q: MentionQueryDto): Promise<MentionPageResponse> {
    const page = await this.comments.findMentions(user.id, q.unread === 'true', q.limit ?? 50, q.offset ?? 0);
    return { total: page.total, unread: page.unread, items: page.items.map(toMentionResponse) };
  }

  async markRead(user: AuthUser, dto: MarkMentionsReadDto): Promise<{ marked: number }> {
    return { marked: await this.comments.markRead(user.id, dto.commentIds ?? null) };
  }

  private async subjectOrFail(program: Program, q: ThreadQueryDto): Promise<CommentSubjectRef> {
    const subject = await this.comments.findSubject(program.id, q.subjectType, q.subjectId);
    if (!subject) throw new NotFoundException(`No ${q.subjectType} ${q.subjectId} in program ${program.code}`);
    return subject;
  }

  /** The people the body names: each must be an active user who may read this thread. */
  private async mentioned(body: string, subject: CommentSubjectRef): Promise<MentionCandidate[]> {
    const emails = mentionedEmails(body);
    if (emails.length > 20) throw new FieldValidationException([{ field: 'body', message: 'a comment names at most 20 people' }]);
    const found = new Map((await this.comments.findUsersByEmail(emails)).map((u) => [u.email, u]));
    const errors = emails.flatMap((email) => {
      const u = found.get(email);
      const canRead = u && u.active && u.role !== 'admin' && (u.role !== 'state_officer' || u.stateCode === subject.stateCode);
      return canRead ? [] : [{ field: 'body', message: `@${email} is not someone who takes part in this thread (the coordination, the commission or the state’s officers)` }];
    });
    if (errors.length) throw new FieldValidationException(errors);
    return emails.map((e) => found.get(e)!);
  }
}

