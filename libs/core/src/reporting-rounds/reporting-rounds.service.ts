import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState, readableStateScope } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock, todayIn } from '../../../platform/src/clock/clock.js';
import { FieldValidationException, type FieldError } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { ParticipationWithState } from '../plans/participations.repository.js';
import { ParticipationsRepository } from '../plans/participations.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import type { Program } from '../programs/program.entity.js';
import type { AsOfQueryDto } from './dto/as-of-query.dto.js';
import type { CreateReportingRoundDto } from './dto/create-reporting-round.dto.js';
import type { GenerateQuarterlyRoundsDto } from './dto/generate-quarterly-rounds.dto.js';
import {
  toFiguresResponse,
  toReportingRoundResponse,
  type QuarterlyRoundsResponse,
  type ReportingRoundDetailResponse,
  type ReportingRoundListResponse,
  type ReportingRoundResponse,
  type RoundStateResponse,
  type StateReportingRoundsResponse,
  type SubmissionResponse,
} from './dto/reporting-round.response.js';
import type { SubmitReportingRoundDto } from './dto/submit-reporting-round.dto.js';
import {
  isDueBy,
  isExpected,
  isOnTime,
  MAX_QUARTERS,
  quarterCount,
  quartersBetween,
  roundPhase,
  stateRoundStatus,
  tally,
  type RoundFigures,
  type RoundStateCell,
} from './reporting-round-rules.js';
import type { ReportingRoundSubmission } from './reporting-round-submission.entity.js';
import type { ReportingRound } from './reporting-round.entity.js';
import { ReportingRoundsRepository, type NewReportingRound, type SubmissionWithAuthor } from './reporting-rounds.repository.js';

export const DEFAULT_DUE_DAYS = 15;

/** Figures of one state over the rounds due by a date (what the `reporting_round_timeliness` indicator reads). */
export interface StateRoundFigures extends RoundFigures {
  stateCode: string;
}

/** Rounds, participations and submissions of a program: everything the figures are computed from. */
interface RoundData {
  rounds: ReportingRound[];
  participations: ParticipationWithState[];
  /** Keyed `${roundId}:${stateCode}`. */
  submissions: Map<string, SubmissionWithAuthor>;
}

@Injectable()
export class ReportingRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly participations: ParticipationsRepository,
    private readonly rounds: ReportingRoundsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Defines one round (coordinator; the route says so). 409 when the code is taken in the program. */
  async create(user: AuthUser, programIdOrCode: string, dto: CreateReportingRoundDto): Promise<ReportingRoundResponse> {
    const errors: FieldError[] = [];
    if (dto.periodEnd < dto.periodStart) errors.push({ field: 'periodEnd', message: `periodEnd (${dto.periodEnd}) must not be before periodStart (${dto.periodStart})` });
    if (dto.dueOn < dto.periodStart) errors.push({ field: 'dueOn', message: `dueOn (${dto.dueOn}) must not be before periodStart (${dto.periodStart})` });
    else if (dto.dueOn < dto.periodEnd) errors.push({ field: 'dueOn', message: `dueOn (${dto.dueOn}) must not be before periodEnd (${dto.periodEnd}): a round falls due once its period is over` });
    if (errors.length) throw new FieldValidationException(errors);
    const program = await this.openProgram(programIdOrCode);
    const asOf = this.clock.today(program.timeZone);
    return this.dataSource.transaction(async (tx) => {
      const name = dto.name?.trim() || null;
      const round = await this.rounds.forTx(tx).insertRoundIfAbsent({ programId: program.id, code: dto.code, name, periodStart: dto.periodStart, periodEnd: dto.periodEnd, dueOn: dto.dueOn });
      if (!round) {
        const message = `a reporting round with code ${dto.code} already exists in program ${program.code}`;
        throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'code', message }] });
      }
      await this.audit.forTx(tx).record({ actor: user, action: 'reporting_round.create', entityType: 'reporting_round', entityId: round.id, programId: program.id, after: auditView(round) });
      const participations = await this.participations.forTx(tx).findByProgram(program.id);
      return toReportingRoundResponse(round, newRoundFigures(round, participations), roundPhase(round, asOf), isDueBy(round, asOf));
    });
  }

  /**
   * Defines the calendar quarters overlapping [from, to] as rounds `YYYY-Qn`, due `dueDays` after each
   * quarter ends. Idempotent: codes that already exist are skipped (and left as they are).
   */
  async generateQuarterly(user: AuthUser, programIdOrCode: string, dto: GenerateQuarterlyRoundsDto): Promise<QuarterlyRoundsResponse> {
    if (dto.to < dto.from) throw new FieldValidationException([{ field: 'to', message: `to (${dto.to}) must not be before from (${dto.from})` }]);
    if (quarterCount(dto.from, dto.to) > MAX_QUARTERS) {
      throw new FieldValidationException([{ field: 'to', message: `at most ${MAX_QUARTERS} quarters at once; [${dto.from}, ${dto.to}] spans ${quarterCount(dto.from, dto.to)}` }]);
    }
    const program = await this.openProgram(programIdOrCode);
    const asOf = this.clock.today(program.timeZone);
    const dueDays = dto.dueDays ?? DEFAULT_DUE_DAYS;
    return this.dataSource.transaction(async (tx) => {
      const rounds = this.rounds.forTx(tx);
      const audit = this.audit.forTx(tx);
      const participations = await this.participations.forTx(tx).findByProgram(program.id);
      const created: ReportingRoundResponse[] = [];
      const skipped: string[] = [];
      for (const q of quartersBetween(dto.from, dto.to, dueDays)) {
        const round = await rounds.insertRoundIfAbsent({ programId: program.id, ...q });
        if (!round) {
          skipped.push(q.code);
          continue;
        }
        await audit.record({ actor: user, action: 'reporting_round.create', entityType: 'reporting_round', entityId: round.id, programId: program.id, after: { ...auditView(round), generated: 'quarterly' } });
        created.push(toReportingRoundResponse(round, newRoundFigures(round, participations), roundPhase(round, asOf), isDueBy(round, asOf)));
      }
      return { created, skipped };
    });
  }

  /** Every round with its counts as of `asOf`, and the national figures over the rounds due by then. Any role. */
  async list(programIdOrCode: string, query: AsOfQueryDto = {}): Promise<ReportingRoundListResponse> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const asOf = query.asOf ?? this.clock.today(program.timeZone);
    const data = await this.load(program);
    const perRound = data.rounds.map((r) => ({ round: r, cells: data.participations.map((p) => cell(data, r, p, asOf)) }));
    return {
      asOf,
      national: toFiguresResponse(tally(perRound.filter((x) => isDueBy(x.round, asOf)).flatMap((x) => x.cells))),
      rounds: perRound.map((x) => toReportingRoundResponse(x.round, tally(x.cells), roundPhase(x.round, asOf), isDueBy(x.round, asOf))),
    };
  }

  /**
   * One round with a row per participating state. Submitted / on-time flags are public figures; a state's
   * summary and author are shown only to national roles and that state's own officers.
   */
  async get(user: AuthUser, programIdOrCode: string, roundCode: string, query: AsOfQueryDto = {}): Promise<ReportingRoundDetailResponse> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const round = await this.findRoundOrFail(program, roundCode);
    const asOf = query.asOf ?? this.clock.today(program.timeZone);
    const data = await this.load(program);
    const scope = readableStateScope(user);
    const states: RoundStateResponse[] = data.participations.map((p) => {
      const c = cell(data, round, p, asOf);
      const sub = c.submittedOn === null ? null : data.submissions.get(key(round.id, p.stateCode))!;
      const row: RoundStateResponse = {
        stateCode: p.stateCode,
        stateName: p.state.name,
        expected: c.expected,
        status: stateRoundStatus(c.expected, round, c.submittedOn, asOf),
        submittedOn: c.submittedOn,
        submittedAt: sub ? sub.submittedAt.toISOString() : null,
        onTime: c.submittedOn !== null && isOnTime(c.submittedOn, round.dueOn),
      };
      if (sub && (scope === null || scope === p.stateCode)) Object.assign(row, { summary: sub.summary, submittedBy: { id: sub.author.id, name: sub.author.name } });
      return row;
    });
    const figures = tally(data.participations.map((p) => cell(data, round, p, asOf)));
    return { ...toReportingRoundResponse(round, figures, roundPhase(round, asOf), isDueBy(round, asOf)), asOf, states };
  }

  /** A state's rounds with its status in each, and its totals over the rounds due by `asOf`. Read rule. */
  async listForState(user: AuthUser, programIdOrCode: string, stateCode: string, query: AsOfQueryDto = {}): Promise<StateReportingRoundsResponse> {
    assertCanReadState(user, stateCode);
    const { program, participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    const asOf = query.asOf ?? this.clock.today(program.timeZone);
    const data = await this.load(program);
    const rows = data.rounds.map((r) => ({ round: r, cell: cell(data, r, participation, asOf) }));
    return {
      stateCode,
      stateName: participation.state.name,
      asOf,
      totals: toFiguresResponse(tally(rows.filter((x) => isDueBy(x.round, asOf)).map((x) => x.cell))),
      rounds: rows.map(({ round: r, cell: c }) => {
        const sub = c.submittedOn === null ? null : data.submissions.get(key(r.id, stateCode))!;
        return {
          code: r.code,
          name: r.name,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          dueOn: r.dueOn,
          expected: c.expected,
          status: stateRoundStatus(c.expected, r, c.submittedOn, asOf),
          submittedOn: c.submittedOn,
          submittedAt: sub ? sub.submittedAt.toISOString() : null,
          onTime: c.submittedOn !== null && isOnTime(c.submittedOn, r.dueOn),
          summary: sub ? sub.summary : null,
          submittedBy: sub ? { id: sub.author.id, name: sub.author.name } : null,
        };
      }),
    };
  }

  /**
   * A state delivers a round, now (Clock). A state officer submits for its own state; a coordinator may
   * record it on a state's behalf. 409 when already submitted, when the state was not expected for the
   * round, or before the round's period has begun.
   */
  submit(user: AuthUser, programIdOrCode: string, roundCode: string, dto: SubmitReportingRoundDto): Promise<SubmissionResponse> {
    return this.record(user, programIdOrCode, roundCode, dto, this.clock.now());
  }

  /**
   * The same, at a given instant instead of now: for seeding demo data and loading historical records,
   * never reachable over HTTP. Every rule of `submit` applies.
   */
  submitAt(user: AuthUser, programIdOrCode: string, roundCode: string, dto: SubmitReportingRoundDto, submittedAt: Date): Promise<SubmissionResponse> {
    return this.record(user, programIdOrCode, roundCode, dto, submittedAt);
  }

  /**
   * Completeness and timeliness as of `asOf`, over the rounds due by then (`dueOn ≤ asOf`; rounds not yet
   * due are not counted) and only submissions made by then: Σ on time / Σ expected over (round, state)
   * pairs, for one state or, without `stateCode`, nationally. Percentages are unrounded (0–100, null when
   * nothing is expected): round at the edge. No access check: these are public figures. `programId` may be
   * the id or the code; 404 when unknown.
   */
  async timeliness(programId: string, asOf: string, stateCode?: string): Promise<RoundFigures> {
    const program = await this.participationsService.findProgramOrFail(programId);
    const data = await this.load(program);
    const participations = stateCode === undefined ? data.participations : data.participations.filter((p) => p.stateCode === stateCode);
    return tally(data.rounds.filter((r) => isDueBy(r, asOf)).flatMap((r) => participations.map((p) => cell(data, r, p, asOf))));
  }

  /** `timeliness` for the nation and every participating state at once (one read), states by code. */
  async timelinessByState(programId: string, asOf: string): Promise<{ national: RoundFigures; states: StateRoundFigures[] }> {
    const program = await this.participationsService.findProgramOrFail(programId);
    const data = await this.load(program);
    const due = data.rounds.filter((r) => isDueBy(r, asOf));
    return {
      national: tally(due.flatMap((r) => data.participations.map((p) => cell(data, r, p, asOf)))),
      states: data.participations.map((p) => ({ stateCode: p.stateCode, ...tally(due.map((r) => cell(data, r, p, asOf))) })),
    };
  }

  private async record(user: AuthUser, programIdOrCode: string, roundCode: string, dto: SubmitReportingRoundDto, submittedAt: Date): Promise<SubmissionResponse> {
    const stateCode = submittingState(user, dto);
    assertCanWriteState(user, stateCode, ['coordinator']);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const round = await this.findRoundOrFail(program, roundCode);
    const submittedOn = todayIn(submittedAt, program.timeZone);
    if (submittedOn < round.periodStart) {
      throw new ConflictException(`Round ${round.code} covers ${round.periodStart} – ${round.periodEnd}; it cannot be submitted before its period begins`);
    }
    return this.dataSource.transaction(async (tx) => {
      // Locked (shared) so a concurrent withdrawal cannot change whether the state is expected meanwhile.
      const participation = await this.participations.forTx(tx).lockByProgramAndState(program.id, stateCode, 'share');
      if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
      if (!isExpected(participation, round)) {
        throw new ConflictException(
          `State ${stateCode} is not expected to submit round ${round.code}: its participation (${participation.joinedOn} – ${participation.exitedOn ?? 'ongoing'}) was not active during ${round.periodStart} – ${round.periodEnd}`,
        );
      }
      const submission = await this.rounds.forTx(tx).insertSubmissionIfAbsent({ roundId: round.id, stateCode, summary: dto.summary.trim(), submittedAt, submittedOn, authorId: user.id });
      if (!submission) throw new ConflictException(`State ${stateCode} already submitted round ${round.code}; a submission is never replaced`);
      const onTime = isOnTime(submittedOn, round.dueOn);
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'reporting_round.submit',
        entityType: 'reporting_round_submission',
        entityId: submission.id,
        programId: program.id,
        stateCode,
        after: { roundCode: round.code, summary: submission.summary, submittedOn, onTime, onBehalf: user.role !== 'state_officer' },
      });
      return toSubmissionResponse(submission, round, user, onTime);
    });
  }

  private async openProgram(programIdOrCode: string): Promise<Program> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    if (program.status === 'closed') throw new ConflictException(`Program ${program.code} is closed; no reporting round can be added`);
    return program;
  }

  private async findRoundOrFail(program: Program, roundCode: string): Promise<ReportingRound> {
    const round = await this.rounds.findRoundByCode(program.id, roundCode);
    if (!round) throw new NotFoundException(`Unknown reporting round ${roundCode} in program ${program.code}`);
    return round;
  }

  private async load(program: Program): Promise<RoundData> {
    const [rounds, participations, submissions] = await Promise.all([
      this.rounds.findRoundsByProgram(program.id),
      this.participations.findByProgram(program.id),
      this.rounds.findSubmissionsByProgram(program.id),
    ]);
    return { rounds, participations, submissions: new Map(submissions.map((s) => [key(s.roundId, s.stateCode), s])) };
  }
}

function key(roundId: string, stateCode: string): string {
  return `${roundId}:${stateCode}`;
}

/** A (round, state) pair as of `asOf`: a submission recorded after `asOf` does not count yet. */
function cell(data: RoundData, round: ReportingRound, p: ParticipationWithState, asOf: string): RoundStateCell {
  const sub = data.submissions.get(key(round.id, p.stateCode));
  return { expected: isExpected(p, round), dueOn: round.dueOn, submittedOn: sub && sub.submittedOn <= asOf ? sub.submittedOn : null };
}

/** A round just created has no submissions: only who is expected. */
function newRoundFigures(round: ReportingRound, participations: ParticipationWithState[]): RoundFigures {
  return tally(participations.map((p) => ({ expected: isExpected(p, round), dueOn: round.dueOn, submittedOn: null })));
}

/** The officer's own state (stateCode may be omitted, or must be its own: checked next); a coordinator names it. */
function submittingState(user: AuthUser, dto: SubmitReportingRoundDto): string {
  if (dto.stateCode !== undefined) return dto.stateCode;
  if (user.role === 'state_officer' && user.stateCode) return user.stateCode;
  throw new FieldValidationException([{ field: 'stateCode', message: 'stateCode is required when recording a submission on a state’s behalf' }]);
}

function auditView(r: NewReportingRound) {
  return { code: r.code, name: r.name, periodStart: r.periodStart, periodEnd: r.periodEnd, dueOn: r.dueOn };
}

function toSubmissionResponse(s: ReportingRoundSubmission, round: ReportingRound, author: AuthUser, onTime: boolean): SubmissionResponse {
  return {
    id: s.id,
    roundCode: round.code,
    stateCode: s.stateCode,
    summary: s.summary,
    submittedAt: s.submittedAt.toISOString(),
    submittedOn: s.submittedOn,
    onTime,
    submittedBy: { id: author.id, name: author.name },
  };
}
