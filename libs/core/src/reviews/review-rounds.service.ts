import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readableStateScope } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException, type FieldError } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { ParticipationsRepository } from '../plans/participations.repository.js';
import { ProgressService } from '../progress/progress.service.js';
import type { Program } from '../programs/program.entity.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import type { CloseReviewRoundDto } from './dto/close-review-round.dto.js';
import type { CreateFindingDto } from './dto/create-finding.dto.js';
import type { CreateReviewRoundDto } from './dto/create-review-round.dto.js';
import type { DifferencesQueryDto } from './dto/differences-query.dto.js';
import type {
  FindingResponse,
  ReviewRoundDetailResponse,
  ReviewRoundDifferencesResponse,
  ReviewRoundListResponse,
  ReviewRoundSummaryResponse,
} from './dto/review-round.response.js';
import { compareFigures, freezeFigures, roundFrozenFigures, type FrozenFigures } from './review-figures.js';
import type { ReviewFinding } from './review-finding.entity.js';
import type { ReviewRound } from './review-round.entity.js';
import { ReviewRoundsRepository } from './review-rounds.repository.js';

/** Generated codes look like this; a given code may not, so the sequence never collides with one. */
const GENERATED_CODE = /^RR-\d{4}-\d+$/i;

/**
 * Review rounds (README.md): a reviewer or coordinator freezes every progress and indicator figure of a program as
 * of a date under a citable code, adds typed findings while the round is open, and closes it with the commission's
 * agreement. The frozen figures never change; `differences` compares them with the live ones.
 *
 * Reading: every role reads rounds and their figures (public figures); a state officer sees only its own state's
 * findings. Writing: reviewers and coordinators (the routes say so). Audit in the same transaction as each change.
 */
@Injectable()
export class ReviewRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly programs: ProgramsRepository,
    private readonly participations: ParticipationsRepository,
    private readonly progress: ProgressService,
    private readonly indicators: IndicatorsService,
    private readonly rounds: ReviewRoundsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Freezes the figures as of `asOf` (not after today) under the given code or the next `RR-<year>-<nnn>`. */
  async create(user: AuthUser, programIdOrCode: string, dto: CreateReviewRoundDto): Promise<ReviewRoundDetailResponse> {
    const program = await this.findProgram(programIdOrCode);
    const today = this.clock.today(program.timeZone);
    const errors: FieldError[] = [];
    if (dto.asOf > today) errors.push({ field: 'asOf', message: `asOf (${dto.asOf}) must not be after today (${today}): a review round freezes figures that exist` });
    if (dto.code !== undefined && GENERATED_CODE.test(dto.code)) errors.push({ field: 'code', message: 'codes of the form RR-<year>-<number> are reserved for generated codes' });
    if (errors.length) throw new FieldValidationException(errors);

    const figures = await this.liveFigures(program, dto.asOf);
    const created = await this.dataSource.transaction(async (tx) => {
      const rounds = this.rounds.forTx(tx);
      await rounds.lockNumbering(program.id);
      const seq = await rounds.nextSeq(program.id);
      const code = dto.code ?? `RR-${today.slice(0, 4)}-${String(seq).padStart(3, '0')}`;
      if (await rounds.codeExists(program.id, code)) {
        const message = `a review round with code ${code} already exists in program ${program.code}`;
        throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'code', message }] });
      }
      const title = dto.title.trim();
      const roundId = await rounds.insertRound({ programId: program.id, seq, code, title, asOf: dto.asOf, figures, createdById: user.id, createdAt: this.clock.now() });
      await this.audit.forTx(tx).record({ actor: user, action: 'review_round.create', entityType: 'review_round', entityId: roundId, programId: program.id, after: { code, title, asOf: dto.asOf } });
      return code;
    });
    return this.get(user, program.id, created);
  }

  /** Every round of the program, oldest first, with the number of findings the caller may see. */
  async list(user: AuthUser, programIdOrCode: string): Promise<ReviewRoundListResponse> {
    const program = await this.findProgram(programIdOrCode);
    const [rounds, counts] = await Promise.all([this.rounds.findByProgram(program.id), this.rounds.countFindings(program.id, readableStateScope(user))]);
    return { programId: program.id, programCode: program.code, rounds: rounds.map((r) => toSummary(r, counts.get(r.id) ?? 0)) };
  }

  /** One round: its frozen figures (rounded at the edge) and the findings the caller may see. */
  async get(user: AuthUser, programIdOrCode: string, code: string): Promise<ReviewRoundDetailResponse> {
    const program = await this.findProgram(programIdOrCode);
    const round = await this.findRound(program, code);
    const findings = await this.rounds.findFindings(round.id, readableStateScope(user));
    return { ...toSummary(round, findings.length), figures: roundFrozenFigures(round.figures), findings: findings.map((f) => toFindingResponse(f, round.code)) };
  }

  /**
   * The frozen figures next to the live ones, computed now as of `asOf` (default the round's own date, so the
   * differences are the corrections made since: late reports dated before it, reviews, re-plans, withdrawals).
   */
  async differences(programIdOrCode: string, code: string, q: DifferencesQueryDto): Promise<ReviewRoundDifferencesResponse> {
    const program = await this.findProgram(programIdOrCode);
    const round = await this.findRound(program, code);
    const liveAsOf = q.asOf ?? round.asOf;
    const all = compareFigures(round.figures, await this.liveFigures(program, liveAsOf));
    const changed = all.filter((d) => d.changed);
    return { code: round.code, frozenAsOf: round.asOf, liveAsOf, changed: changed.length, differences: q.all === 'true' ? all : changed };
  }

  /** A finding on a state (with a participation) and optionally one of the program's activities, while the round is open. */
  async addFinding(user: AuthUser, programIdOrCode: string, code: string, dto: CreateFindingDto): Promise<FindingResponse> {
    const program = await this.findProgram(programIdOrCode);
    const errors: FieldError[] = [];
    if (!(await this.participations.findByProgramAndState(program.id, dto.stateCode))) {
      errors.push({ field: 'stateCode', message: `state ${dto.stateCode} does not participate in program ${program.code}` });
    }
    if (dto.activityCode !== undefined && !(await this.programs.findActivities(program.id)).some((a) => a.code === dto.activityCode)) {
      errors.push({ field: 'activityCode', message: `unknown activity ${dto.activityCode} in program ${program.code}` });
    }
    if (errors.length) throw new FieldValidationException(errors);
    const id = await this.dataSource.transaction(async (tx) => {
      const rounds = this.rounds.forTx(tx);
      const round = await rounds.lockByCode(program.id, code);
      if (!round) throw unknownRound(program, code);
      if (round.status !== 'open') throw new ConflictException(`Review round ${round.code} is closed; no finding can be added`);
      const number = await rounds.nextFindingNumber(round.id);
      const finding = {
        reviewRoundId: round.id,
        number,
        type: dto.type,
        stateCode: dto.stateCode,
        activityCode: dto.activityCode ?? null,
        description: dto.description.trim(),
        dueOn: dto.dueOn ?? null,
        createdById: user.id,
        createdAt: this.clock.now(),
      };
      const findingId = await rounds.insertFinding(finding);
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'review_round.add_finding',
        entityType: 'review_finding',
        entityId: findingId,
        programId: program.id,
        stateCode: dto.stateCode,
        after: { roundCode: round.code, number, type: finding.type, activityCode: finding.activityCode, description: finding.description, dueOn: finding.dueOn },
      });
      return findingId;
    });
    return toFindingResponse((await this.rounds.findFinding(id))!, code);
  }

  /** Closes an open round with the commission's agreement reference; a closed round takes no more findings. */
  async close(user: AuthUser, programIdOrCode: string, code: string, dto: CloseReviewRoundDto): Promise<ReviewRoundDetailResponse> {
    const program = await this.findProgram(programIdOrCode);
    const agreementReference = dto.agreementReference.trim();
    await this.dataSource.transaction(async (tx) => {
      const rounds = this.rounds.forTx(tx);
      const round = await rounds.lockByCode(program.id, code);
      if (!round) throw unknownRound(program, code);
      if (round.status !== 'open') throw new ConflictException(`Review round ${round.code} is already closed`);
      await rounds.close(round.id, user.id, this.clock.now(), agreementReference);
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'review_round.close',
        entityType: 'review_round',
        entityId: round.id,
        programId: program.id,
        before: { status: 'open' },
        after: { status: 'closed', agreementReference },
      });
    });
    return this.get(user, program.id, code);
  }

  // -------------------------------------------------------------------------------------------------------

  private async findProgram(programIdOrCode: string): Promise<Program> {
    const program = await this.programs.findByIdOrCode(programIdOrCode);
    if (!program) throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    return program;
  }

  private async findRound(program: Program, code: string): Promise<ReviewRound> {
    const round = await this.rounds.findByCode(program.id, code);
    if (!round) throw unknownRound(program, code);
    return round;
  }

  /** Every progress and indicator figure as of `asOf`, as the engine and the indicators give them now. */
  private async liveFigures(program: Program, asOf: string): Promise<FrozenFigures> {
    const progress = await this.progress.programProgress(program.id, asOf);
    const indicators = await this.indicators.programIndicators(program.id, asOf);
    return freezeFigures(progress, indicators);
  }
}

function unknownRound(program: Program, code: string): NotFoundException {
  return new NotFoundException(`Unknown review round ${code} in program ${program.code}`);
}

function userRef(u: { id: string; name: string } | null | undefined, fallbackId: string | null): { id: string; name: string } | null {
  if (u) return { id: u.id, name: u.name };
  return fallbackId === null ? null : { id: fallbackId, name: '' };
}

function toSummary(r: ReviewRound, findingCount: number): ReviewRoundSummaryResponse {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    asOf: r.asOf,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    createdBy: userRef(r.createdBy, r.createdById)!,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    closedBy: userRef(r.closedBy, r.closedById),
    agreementReference: r.agreementReference,
    findingCount,
  };
}

function toFindingResponse(f: ReviewFinding, roundCode: string): FindingResponse {
  return {
    id: f.id,
    number: f.number,
    citation: `${roundCode}/${f.number}`,
    type: f.type,
    stateCode: f.stateCode,
    activityCode: f.activityCode,
    description: f.description,
    dueOn: f.dueOn,
    createdAt: f.createdAt.toISOString(),
    createdBy: userRef(f.createdBy, f.createdById)!,
  };
}
