import { Injectable, NotFoundException } from '@nestjs/common';
import { assertCanReadState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import type { ExplainQueryDto, ProgressQueryDto, SnapshotQueryDto } from './dto/progress-query.dto.js';
import {
  toNationalExplanation,
  toNationalProgressResponse,
  toProgressCsv,
  toSnapshotSeries,
  toStateExplanation,
  toStateProgressResponse,
  type NationalExplanationResponse,
  type NationalProgressResponse,
  type SnapshotSeriesResponse,
  type StateExplanationResponse,
  type StateProgressResponse,
} from './dto/progress.response.js';
import { ProgressJobsRepository } from './jobs/progress-jobs.repository.js';
import { VersionedCache } from './progress-cache.js';
import { aggregateNationalPhases, aggregateNationalProgress, computeInstitutionProgress, computeStateProgressFromUnits, isActiveAt } from './progress-math.js';
import type { StateProgress } from './progress-types.js';
import type { ProgramProgress, StateProgressDetail } from './progress-views.js';
import { TREND_MAX_POINTS, weeklyDates } from './trend-dates.js';
import {
  ProgressRepository,
  type InstitutionRow,
  type ParticipationRow,
  type PlanItemRow,
  type ProgramHead,
  type StateUnitSnapshot,
  type StateVersion,
} from './progress.repository.js';

interface StateData {
  items: PlanItemRow[];
  institutions: InstitutionRow[];
  units: StateUnitSnapshot[];
}

/**
 * The progress engine's service: SPEC §4 figures per item, phase, state and nation as of any date, computed by
 * the pure functions of progress-math.ts from data loaded here, never from all report history:
 *
 * - Unit snapshots come from `unit_progress` (maintained by ProgressMaintainer in every report/review transaction)
 *   whenever `asOf` is on or after the state's latest counting report date, which is always the case for today
 *   (reports cannot be dated in the future); for an earlier `asOf` they come from the units' maintained histories
 *   (`unit_progress_step`: one span per unit contains the date; `ProgressRepository.findUnitsAsOf`).
 * - Computed figures are cached per (program, state, asOf) under the state's `progress_version`, which every write
 *   that matters bumps in its own transaction (see ProgressVersion). A cached read costs one small query: the
 *   program with its versions.
 *
 * For other features (dashboard, indicators, review rounds): `programProgress(idOrCode, asOf?)` and
 * `stateProgress(idOrCode, stateCode, asOf?)` return the unrounded figures; round with progress-rounding.ts at
 * the edge.
 */
@Injectable()
export class ProgressService {
  /** National results, per (program, asOf), under the fingerprint of all the program's state versions. */
  private readonly national = new VersionedCache<ProgramProgress>(200);
  /** State summaries (no units) used by national results, per (program, state, asOf). */
  private readonly states = new VersionedCache<StateProgress>(5000);
  /** State pages with units, per (program, state, asOf). */
  private readonly details = new VersionedCache<StateProgressDetail>(64);
  /** Responses built from cached results, so a cache hit costs no rounding or mapping. */
  private readonly nationalResponses = new WeakMap<ProgramProgress, NationalProgressResponse>();
  private readonly stateResponses = new WeakMap<StateProgressDetail, StateProgressResponse>();

  constructor(
    private readonly progress: ProgressRepository,
    private readonly jobs: ProgressJobsRepository,
    private readonly clock: Clock,
  ) {}

  // -------------------------------------------------------------------------------------------------------
  // Routes

  async getNational(programIdOrCode: string, q: ProgressQueryDto): Promise<NationalProgressResponse> {
    return this.nationalResponse(await this.programProgress(programIdOrCode, q.asOf));
  }

  async getState(programIdOrCode: string, stateCode: string, q: ProgressQueryDto): Promise<StateProgressResponse> {
    const detail = await this.stateProgress(programIdOrCode, stateCode, q.asOf);
    let response = this.stateResponses.get(detail);
    if (response === undefined) this.stateResponses.set(detail, (response = toStateProgressResponse(detail)));
    return response;
  }

  /**
   * The arithmetic behind a figure. National (no state): each participating state's P, V and E and their plain
   * means; any role (state figures are public). A state: its items, weights, units and the current reports they
   * came from; report ids are records of the state, so the read rule applies (a foreign state officer gets 403).
   */
  async explain(user: AuthUser, programIdOrCode: string, q: ExplainQueryDto): Promise<NationalExplanationResponse | StateExplanationResponse> {
    if (q.stateCode === undefined) return toNationalExplanation(await this.programProgress(programIdOrCode, q.asOf));
    return this.explainState(user, programIdOrCode, q.stateCode, q);
  }

  async explainState(user: AuthUser, programIdOrCode: string, stateCode: string, q: ProgressQueryDto): Promise<StateExplanationResponse> {
    assertCanReadState(user, stateCode);
    return toStateExplanation(await this.stateProgress(programIdOrCode, stateCode, q.asOf));
  }

  /** Published figures only (national and per state), for anyone; draft programs are not published. */
  async getPublic(programIdOrCode: string, q: ProgressQueryDto): Promise<NationalProgressResponse> {
    return this.nationalResponse(await this.publishedProgress(programIdOrCode, q.asOf));
  }

  async getPublicCsv(programIdOrCode: string, q: ProgressQueryDto): Promise<{ filename: string; csv: string }> {
    const result = await this.publishedProgress(programIdOrCode, q.asOf);
    return { filename: `avance-${result.head.code}-${result.asOf}.csv`, csv: toProgressCsv(result) };
  }

  /** The daily figures stored by the snapshot job (national, or one state's), oldest first: figures are public. */
  async snapshots(programIdOrCode: string, q: SnapshotQueryDto): Promise<SnapshotSeriesResponse> {
    if (q.from !== undefined && q.to !== undefined && q.to < q.from) {
      throw new FieldValidationException([{ field: 'to', message: `to (${q.to}) must not be before from (${q.from})` }]);
    }
    const head = await this.findHead(programIdOrCode);
    const scope = q.stateCode ?? 'national';
    return toSnapshotSeries(scope, await this.jobs.findSnapshots(head.id, scope, q.from ?? null, q.to ?? null));
  }

  /**
   * Weekly figures computed from the report history as of each date (the engine answers any date), from the
   * first join (or `from`) to `to` (default today): a full trend without waiting for stored snapshots.
   */
  async trend(programIdOrCode: string, q: SnapshotQueryDto): Promise<SnapshotSeriesResponse> {
    if (q.from !== undefined && q.to !== undefined && q.to < q.from) {
      throw new FieldValidationException([{ field: 'to', message: `to (${q.to}) must not be before from (${q.from})` }]);
    }
    const head = await this.findHead(programIdOrCode, q.stateCode ?? null);
    if (q.stateCode !== undefined && head.state === null) throw notParticipating(head, q.stateCode);
    const to = q.to ?? this.clock.today(head.timeZone);
    const joins = (await this.progress.findParticipations(head.id)).filter((p) => q.stateCode === undefined || p.stateCode === q.stateCode).map((p) => p.joinedOn);
    const from = q.from ?? joins.sort()[0];
    const scope = q.stateCode ?? 'national';
    if (from === undefined || from > to) return { scope, points: [] };
    const dates = weeklyDates(from, to);
    if (dates.length > TREND_MAX_POINTS) {
      throw new FieldValidationException([{ field: 'from', message: `the series would have ${dates.length} weekly points; at most ${TREND_MAX_POINTS}: choose a later from` }]);
    }
    const rows: Array<{ snapshotDate: string; figures: Record<string, unknown> }> = [];
    // One date at a time: each result is cached like any other as-of figure, so a reload costs nothing.
    for (const date of dates) {
      const result = await this.programProgressOf(head, date);
      const figures = q.stateCode === undefined ? result.national.national : result.states.find((st) => st.stateCode === q.stateCode);
      rows.push({ snapshotDate: date, figures: figures ? { ...figures } : {} });
    }
    return toSnapshotSeries(scope, rows);
  }

  // -------------------------------------------------------------------------------------------------------
  // For other features

  /** Figures of every participating state and the nation as of `asOf` (default today in the program's zone). */
  async programProgress(programIdOrCode: string, asOf?: string): Promise<ProgramProgress> {
    const head = await this.findHead(programIdOrCode);
    return this.programProgressOf(head, asOf ?? this.clock.today(head.timeZone));
  }

  /** One state's figures with items (and their units), phases and institutions as of `asOf`. */
  async stateProgress(programIdOrCode: string, stateCode: string, asOf?: string): Promise<StateProgressDetail> {
    const head = await this.findHead(programIdOrCode, stateCode);
    const t = asOf ?? this.clock.today(head.timeZone);
    if (head.state === null) throw notParticipating(head, stateCode);
    const state = head.state;
    return this.details.getOrCompute(`${head.id}|${stateCode}|${t}`, state.version, () => this.computeDetail(head, stateCode, state, t));
  }

  /** Today in the program's time zone (what `asOf` defaults to). */
  async today(programIdOrCode: string): Promise<string> {
    return this.clock.today((await this.findHead(programIdOrCode)).timeZone);
  }

  // -------------------------------------------------------------------------------------------------------

  private async findHead(programIdOrCode: string, stateCode: string | null = null): Promise<ProgramHead> {
    const head = await this.progress.findHead(programIdOrCode, stateCode);
    if (!head) throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    return head;
  }

  private async publishedProgress(programIdOrCode: string, asOf: string | undefined): Promise<ProgramProgress> {
    const head = await this.progress.findHead(programIdOrCode);
    if (!head || head.status === 'draft') throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    return this.programProgressOf(head, asOf ?? this.clock.today(head.timeZone));
  }

  /** The response of a computed result is built once: cached results are shared by every request that hits them. */
  private nationalResponse(result: ProgramProgress): NationalProgressResponse {
    let response = this.nationalResponses.get(result);
    if (response === undefined) this.nationalResponses.set(result, (response = toNationalProgressResponse(result)));
    return response;
  }

  private programProgressOf(head: ProgramHead, t: string): Promise<ProgramProgress> {
    return this.national.getOrCompute(`${head.id}|${t}`, head.fingerprint, () => this.computeProgram(head, t));
  }

  private async computeProgram(head: ProgramHead, t: string): Promise<ProgramProgress> {
    // Versions are read before the data they guard: a cached entry may hold newer data than its version, never older.
    const versions = await this.progress.findVersions(head.id);
    const [participations, phases] = await Promise.all([this.progress.findParticipations(head.id), this.progress.findPhases(head.id)]);
    const active = participations.filter((p) => isActiveAt(p, t));
    const computed = new Map<string, StateProgress>();
    const missing: ParticipationRow[] = [];
    const versionOf = (code: string) => versions.get(code)?.version ?? 'none';
    for (const p of active) {
      const hit = this.states.get(`${head.id}|${p.stateCode}|${t}`, versionOf(p.stateCode));
      if (hit) computed.set(p.stateCode, hit);
      else missing.push(p);
    }
    if (missing.length) {
      // Every participation missing (a cold cache): one query per table for the whole program.
      const data = await this.loadStates(head, versions, missing.map((p) => p.stateCode), t, missing.length === participations.length);
      for (const p of missing) {
        const state = this.computeState(head, p, data.get(p.stateCode)!, t, false);
        this.states.set(`${head.id}|${p.stateCode}|${t}`, versionOf(p.stateCode), state);
        computed.set(p.stateCode, state);
      }
    }
    const states = active.map((p) => computed.get(p.stateCode)!);
    return {
      head,
      asOf: t,
      participations,
      states,
      national: aggregateNationalProgress(states, t, head.thresholds),
      phases: aggregateNationalPhases(states, head.thresholds, phases.map((ph) => ph.number)),
      phaseNames: new Map(phases.map((ph) => [ph.number, ph.name])),
    };
  }

  private async computeDetail(head: ProgramHead, stateCode: string, version: StateVersion, t: string): Promise<StateProgressDetail> {
    const participation = (await this.progress.findParticipations(head.id)).find((p) => p.stateCode === stateCode);
    if (!participation) throw notParticipating(head, stateCode);
    const data = (await this.loadStates(head, new Map([[stateCode, version]]), [stateCode], t, false)).get(stateCode)!;
    const progress = this.computeState(head, participation, data, t, true);
    const active = data.institutions.filter((i) => isActiveAt(i, t));
    return {
      head,
      asOf: t,
      participation,
      items: new Map(data.items.map((i) => [i.itemId, i])),
      institutions: active,
      institutionNames: new Map(data.institutions.map((i) => [i.id, i.name])),
      progress,
      institutionProgress: computeInstitutionProgress(progress, active.map((i) => i.id)),
    };
  }

  private computeState(head: ProgramHead, p: ParticipationRow, data: StateData, t: string, explain: boolean): StateProgress {
    return computeStateProgressFromUnits(
      {
        participation: { stateCode: p.stateCode, joinedOn: p.joinedOn, exitedOn: p.exitedOn },
        items: data.items.map((i) => ({
          itemId: i.itemId,
          activityCode: i.activityCode,
          phaseNumber: i.phaseNumber,
          level: i.level,
          weight: i.weight,
          included: i.included,
          plannedStart: i.plannedStart,
          plannedDue: i.plannedDue,
          originalStart: i.originalStart,
          originalDue: i.originalDue,
        })),
        institutions: data.institutions.map((i) => ({ id: i.id, joinedOn: i.joinedOn, exitedOn: i.exitedOn })),
        units: data.units,
      },
      t,
      head.thresholds,
      { explain },
    );
  }

  /**
   * Plan items, institutions and unit snapshots of some states, grouped by state: maintained snapshots where `t`
   * is on or after the state's latest counting report (always for today), the steps containing `t` otherwise.
   */
  private async loadStates(head: ProgramHead, versions: Map<string, StateVersion>, codes: string[], t: string, everyState: boolean): Promise<Map<string, StateData>> {
    const current = codes.filter((c) => {
      const latest = versions.get(c)?.maxReportedOn ?? null;
      return latest === null || t >= latest;
    });
    const past = codes.filter((c) => !current.includes(c));
    const all = everyState ? null : codes;
    const [items, institutions, maintained, historical] = await Promise.all([
      this.progress.findPlanItems(head.id, all),
      this.progress.findInstitutions(head.id, all),
      current.length ? this.progress.findMaintainedUnits(head.id, everyState && current.length === codes.length ? null : current) : [],
      past.length ? this.progress.findUnitsAsOf(head.id, everyState && past.length === codes.length ? null : past, t) : [],
    ]);
    const byState = new Map<string, StateData>(codes.map((c) => [c, { items: [], institutions: [], units: [] }]));
    for (const i of items) byState.get(i.stateCode)?.items.push(i);
    for (const i of institutions) byState.get(i.stateCode)?.institutions.push(i);
    for (const u of maintained) byState.get(u.stateCode)?.units.push(u);
    for (const u of historical) byState.get(u.stateCode)?.units.push(u);
    return byState;
  }
}

function notParticipating(head: ProgramHead, stateCode: string): NotFoundException {
  return new NotFoundException(`State ${stateCode} does not participate in program ${head.code}`);
}
