import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import { PlanItemsRepository } from '../plans/plan-items.repository.js';
import type { CreateReportDto } from './dto/create-report.dto.js';
import type { PageQueryDto, ReportQueryDto, ReviewQueueQueryDto } from './dto/report-query.dto.js';
import { toReportResponse, type ItemHistoryResponse, type ReportPageResponse, type ReportResponse, type ReviewQueueResponse } from './dto/report.response.js';
import type { ReviewReportDto } from './dto/review-report.dto.js';
import { checkIdempotencyKey, checkReport } from './report-rules.js';
import { ReportWriteHooks } from './report-write-hooks.js';
import type { Report } from './report.entity.js';
import { ReportsRepository, type InsertedReport, type NewEvidence, type NewReport, type ReportView, type SubmitContext } from './reports.repository.js';

/**
 * Progress reports and their review. The three writes (`submit`, `accept`, `return`) each run in one
 * transaction that also writes the audit event; anything derived from reports (the progress engine) belongs
 * inside those same transactions.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly planItems: PlanItemsRepository,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditRepository,
    private readonly hooks: ReportWriteHooks,
  ) {}

  /**
   * A new report on one unit (plan item, plus institution on institution-level items). Nothing is written unless
   * every rule holds. With an `Idempotency-Key`, a retry by the same user returns the first report
   * (`created: false`) instead of creating another; a unique constraint makes that hold under races too.
   *
   * Few round trips, as report submission is the busiest write: one statement reads everything the rules need
   * (and locks the participation and the unit), one inserts the report with its evidence, one writes the audit
   * event, then the report-write hooks (progress: one more); the response is built from what was inserted, not
   * read back.
   */
  async submit(user: AuthUser, programIdOrCode: string, stateCode: string, dto: CreateReportDto, idempotencyKey?: string): Promise<{ report: ReportResponse; created: boolean }> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const keyError = checkIdempotencyKey(idempotencyKey);
    if (keyError) throw new FieldValidationException([keyError]);
    const institutionId = dto.institutionId ?? null;
    const evidence = (dto.evidence ?? []).map(toNewEvidence);
    const fileIds = [...new Set(evidence.flatMap((e) => (e.fileId ? [e.fileId] : [])))];

    const outcome = await this.dataSource.transaction(async (tx): Promise<SubmitOutcome> => {
      const repo = this.reports.forTx(tx);
      const ctx = await repo.findSubmitContext({
        programIdOrCode,
        stateCode,
        activityCode: dto.activityCode,
        institutionId,
        fileIds,
        authorId: user.id,
        idempotencyKey: idempotencyKey ?? null,
      });
      if (!ctx) return { kind: 'not_found' };
      if (ctx.earlier) return { kind: 'replay', programId: ctx.programId };
      if (ctx.exitedOn !== null) {
        throw new ConflictException(`State ${stateCode} withdrew from the program on ${ctx.exitedOn}; it can no longer report`);
      }
      const item = ctx.item;
      if (!item) throw new FieldValidationException([{ field: 'activityCode', message: `activity ${dto.activityCode} is not in the plan of state ${stateCode}` }]);
      if (!item.included) {
        const message = `activity ${dto.activityCode} is excluded from the plan of state ${stateCode}; include it again (re-plan) before reporting on it`;
        throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'activityCode', message }] });
      }
      const errors = checkReport(dto, {
        today: this.clock.today(ctx.timeZone),
        participationJoinedOn: ctx.joinedOn,
        activity: { code: item.activityCode, level: item.level, metrics: item.metrics, evidenceKinds: item.evidenceKinds, completionNeedsEvidence: item.completionNeedsEvidence, formats: item.formats },
        institution: ctx.institution,
        filesOfState: new Set(ctx.files.map((f) => f.id)),
        stateCode,
      });
      if (errors.length) throw new FieldValidationException(errors);

      const report: NewReport = {
        planItemId: item.id,
        institutionId,
        status: dto.status,
        percent: dto.percent,
        reportedOn: dto.reportedOn,
        narrative: dto.narrative?.trim() || null,
        metrics: (dto.metrics ?? {}) as Record<string, number>,
        authorId: user.id,
        idempotencyKey: idempotencyKey ?? null,
      };
      const inserted = await repo.insertSubmitted(report, evidence);
      // The same key raced with this request and committed first: answer with that report (nothing was written).
      if (!inserted) return { kind: 'replay', programId: ctx.programId };
      const view = submittedView(ctx, report, inserted, evidence, user);
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'report.submit',
        entityType: 'report',
        entityId: inserted.id,
        programId: ctx.programId,
        stateCode,
        after: auditView(view),
      });
      await this.hooks.afterReportWrite(tx, { planItemId: item.id, institutionId, since: inserted.reportedOn, locked: true });
      return { kind: 'created', report: toReportResponse(view) };
    });

    if (outcome.kind === 'created') return { report: outcome.report, created: true };
    if (outcome.kind === 'replay') return { report: await this.replay(outcome.programId, stateCode, user, idempotencyKey!), created: false };
    // Unknown program (404), or a state that does not participate (404) unless the key was used elsewhere (409).
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    if (idempotencyKey !== undefined && (await this.reports.findIdByIdempotencyKey(user.id, idempotencyKey))) {
      return { report: await this.replay(program.id, stateCode, user, idempotencyKey), created: false };
    }
    throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
  }

  /** The coordination accepts a submitted report; a report reviewed already gets 409. */
  async accept(user: AuthUser, reportId: string): Promise<ReportResponse> {
    assertReviewer(user);
    return this.dataSource.transaction(async (tx) => {
      const repo = this.reports.forTx(tx);
      const target = await this.reviewTarget(repo, reportId);
      if (!(await repo.markReviewed(reportId, 'accepted', null, user.id))) throw alreadyReviewed(await repo.findReviewTarget(reportId));
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'report.accept',
        entityType: 'report',
        entityId: reportId,
        programId: target.programId,
        stateCode: target.stateCode,
        before: { reviewState: 'submitted' },
        after: { reviewState: 'accepted' },
      });
      const view = (await repo.findView(reportId))!;
      await this.hooks.afterReportWrite(tx, { planItemId: view.report.planItemId, institutionId: view.report.institutionId, since: view.report.reportedOn, locked: true });
      return toReportResponse(view);
    });
  }

  /**
   * The coordination returns a submitted report with a reason. A returned report stops counting (SPEC §4); the
   * officer answers with a new report on the same unit.
   */
  async return(user: AuthUser, reportId: string, reason: string | null | undefined): Promise<ReportResponse> {
    assertReviewer(user);
    const why = reason?.trim();
    if (!why) throw new FieldValidationException([{ field: 'reason', message: 'a reason is required to return a report' }]);
    return this.dataSource.transaction(async (tx) => {
      const repo = this.reports.forTx(tx);
      const target = await this.reviewTarget(repo, reportId);
      if (!(await repo.markReviewed(reportId, 'returned', why, user.id))) throw alreadyReviewed(await repo.findReviewTarget(reportId));
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'report.return',
        entityType: 'report',
        entityId: reportId,
        programId: target.programId,
        stateCode: target.stateCode,
        before: { reviewState: 'submitted' },
        after: { reviewState: 'returned' },
        justification: why,
      });
      const view = (await repo.findView(reportId))!;
      await this.hooks.afterReportWrite(tx, { planItemId: view.report.planItemId, institutionId: view.report.institutionId, since: view.report.reportedOn, locked: true });
      return toReportResponse(view);
    });
  }

  /** `POST /reports/:id/review`: the decision picks `accept` or `return`. */
  review(user: AuthUser, reportId: string, dto: ReviewReportDto): Promise<ReportResponse> {
    return dto.decision === 'accept' ? this.accept(user, reportId) : this.return(user, reportId, dto.reason);
  }

  async list(user: AuthUser, programIdOrCode: string, stateCode: string, q: ReportQueryDto): Promise<ReportPageResponse> {
    assertCanReadState(user, stateCode);
    if (q.from !== undefined && q.to !== undefined && q.to < q.from) throw new FieldValidationException([{ field: 'to', message: `to (${q.to}) must not be before from (${q.from})` }]);
    const { participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    const page = await this.reports.findPage({ participationId: participation.id, ...q, ...paging(q) });
    return { total: page.total, items: page.items.map(toReportResponse) };
  }

  /** Every report on one plan item, oldest first, each unit's current report (as of today) flagged. */
  async itemHistory(user: AuthUser, programIdOrCode: string, stateCode: string, activityCode: string): Promise<ItemHistoryResponse> {
    assertCanReadState(user, stateCode);
    const { program, participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    const item = await this.planItems.findByParticipationAndActivityCode(participation.id, activityCode);
    if (!item) throw new NotFoundException(`Activity ${activityCode} is not in the plan of state ${stateCode}`);
    const asOf = this.clock.today(program.timeZone);
    const [reports, current] = await Promise.all([this.reports.findItemHistory(item.id), this.reports.findCurrentIds(item.id, asOf)]);
    return {
      activityCode: item.activity.code,
      activityName: item.activity.name,
      level: item.activity.level,
      included: item.included,
      asOf,
      reports: reports.map((v) => ({ ...toReportResponse(v), current: current.has(v.report.id) })),
    };
  }

  /** Pending reports of the whole program (optionally one state), oldest first: what the coordination reviews next. */
  async reviewQueue(user: AuthUser, programIdOrCode: string, q: ReviewQueueQueryDto): Promise<ReviewQueueResponse> {
    assertNationalReader(user);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const page = await this.reports.findReviewQueue(program.id, q.stateCode, paging(q).limit, paging(q).offset);
    return { total: page.total, items: page.items.map((v) => ({ ...toReportResponse(v), stateName: v.stateName })) };
  }

  /** A state's returned reports with their reasons, newest first, until a newer report on the same unit answers them. */
  async returned(user: AuthUser, programIdOrCode: string, stateCode: string, q: PageQueryDto): Promise<ReportPageResponse> {
    assertCanReadState(user, stateCode);
    const { participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    const { limit, offset } = paging(q);
    const page = await this.reports.findUnansweredReturns(participation.id, limit, offset);
    return { total: page.total, items: page.items.map(toReportResponse) };
  }

  /** The report the same user created with this key, provided it was for the same program and state (else 409). */
  private async replay(programId: string, stateCode: string, user: AuthUser, key: string): Promise<ReportResponse> {
    const id = await this.reports.findIdByIdempotencyKey(user.id, key);
    const view = id ? await this.reports.findView(id) : null;
    if (!view) throw new Error(`the report of Idempotency-Key ${key} vanished`);
    if (view.programId !== programId || view.stateCode !== stateCode) {
      const message = 'this Idempotency-Key was already used for a report on another program or state; use a new key for a new report';
      throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'Idempotency-Key', message }] });
    }
    return toReportResponse(view);
  }

  private async reviewTarget(repo: ReportsRepository, reportId: string) {
    const target = await repo.findReviewTarget(reportId);
    if (!target) throw new NotFoundException(`Report ${reportId} not found`);
    return target;
  }
}

/** Reviews are national: only the coordination decides, whatever the state (the state code is irrelevant). */
function assertReviewer(user: AuthUser): void {
  assertCanWriteState(user, '', ['coordinator'], false);
}

/** National readers (admin, coordinator, reviewer) read every state; a state officer is refused. */
function assertNationalReader(user: AuthUser): void {
  assertCanReadState(user, '');
}

function alreadyReviewed(target: { reviewState: string } | null) {
  const message = `the report was already reviewed (${target?.reviewState ?? 'reviewed'}); a review is final, the state answers with a new report`;
  return new ConflictException({ statusCode: 409, message, errors: [{ field: 'decision', message }] });
}

function paging(q: PageQueryDto): { limit: number; offset: number } {
  return { limit: q.limit ?? 50, offset: q.offset ?? 0 };
}

function toNewEvidence(e: NonNullable<CreateReportDto['evidence']>[number]): NewEvidence {
  return {
    kind: e.kind,
    title: e.title.trim(),
    url: e.kind === 'document' ? null : (e.url ?? null),
    fileId: e.kind === 'document' ? (e.fileId ?? null) : null,
    highValue: e.kind === 'dataset' ? (e.highValue ?? false) : false,
    format: e.format?.trim() || null,
    licence: e.licence?.trim() || null,
    formatCode: e.kind === 'document' ? (e.formatCode ?? null) : null,
  };
}

function auditView(v: ReportView) {
  const r = v.report;
  return {
    activityCode: v.activityCode,
    institutionId: r.institutionId,
    status: r.status,
    percent: r.percent,
    reportedOn: r.reportedOn,
    metrics: r.metrics,
    evidence: v.evidence.map((e) => ({ kind: e.kind, title: e.title, url: e.url, fileId: e.fileId, highValue: e.highValue, formatCode: e.formatCode })),
  };
}

type SubmitOutcome = { kind: 'created'; report: ReportResponse } | { kind: 'replay'; programId: string } | { kind: 'not_found' };

/** The view of a report just inserted, from what was sent, what the database filled in and the submission context. */
function submittedView(ctx: SubmitContext, sent: NewReport, inserted: InsertedReport, evidence: NewEvidence[], author: AuthUser): ReportView {
  const fileNames = new Map(ctx.files.map((f) => [f.id, f.name]));
  const report: Report = {
    ...sent,
    id: inserted.id,
    seq: inserted.seq,
    percent: inserted.percent,
    reportedOn: inserted.reportedOn,
    narrative: inserted.narrative,
    metrics: inserted.metrics,
    reviewState: 'submitted',
    reviewReason: null,
    reviewedById: null,
    reviewedAt: null,
    createdAt: inserted.createdAt,
  };
  return {
    report,
    programId: ctx.programId,
    participationId: ctx.participationId,
    stateCode: ctx.stateCode,
    stateName: ctx.stateName,
    activityCode: ctx.item!.activityCode,
    activityName: ctx.item!.activityName,
    institutionName: ctx.institution?.name ?? null,
    authorName: author.name,
    reviewerName: null,
    evidence: evidence.map((e) => ({ ...e, file: e.fileId === null ? null : { name: fileNames.get(e.fileId)! } })),
  };
}
