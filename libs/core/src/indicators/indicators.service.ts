import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { addDays } from '../../../platform/src/util/dates.js';
import type { ItemProgress, StateProgress } from '../progress/progress-types.js';
import type { ProgramProgress, StateProgressDetail } from '../progress/progress-views.js';
import { ProgressService } from '../progress/progress.service.js';
import type { Program } from '../programs/program.entity.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { ReportingRoundsService } from '../reporting-rounds/reporting-rounds.service.js';
import type { IndicatorQueryDto, IndicatorSeriesQueryDto } from './dto/indicator-query.dto.js';
import { toIndicatorFigureResponse, toIndicatorSeriesResponse, type IndicatorListResponse, type IndicatorSeriesResponse } from './dto/indicator.response.js';
import { judge, selectTarget, type DatedValue } from './indicator-targets.js';
import {
  isProgressKind,
  measureValue,
  poolMeasures,
  progressMeasure,
  stateCountsFromSnapshot,
  stateCountsOf,
  type Measure,
} from './indicator-values.js';
import type { IndicatorDefinition, IndicatorSeries, ProgramIndicators, ScopeFigure, SeriesPoint } from './indicator-views.js';
import { IndicatorsRepository, type DatasetEvidenceRow, type ProgressSnapshotRow } from './indicators.repository.js';

/** Kinds that read the units of one activity (per institution), so they need the engine's per-unit figures. */
const UNIT_KINDS: ReadonlySet<string> = new Set(['institutions_completed_activity', 'datasets_published', 'metric_sum']);

/** Most points a series may compute (monthly points plus the ends): ten years. */
export const MAX_SERIES_POINTS = 122;

/** Which scopes to compute: the national one and/or some states (`participating`: every state participating then). */
interface Scopes {
  national: boolean;
  states: readonly string[] | 'participating';
}

/** Raw values (unrounded) of some indicators as of one date. */
interface Values {
  /** By indicator code; null when the national scope was not asked for. */
  national: Map<string, number | null> | null;
  /** By state code, then indicator code; states in the order asked (or by code). */
  states: Map<string, { participating: boolean; values: Map<string, number | null> }>;
}

/**
 * Indicator values per kind, per state and nationally, as of any date, with baselines, targets and status
 * (README.md). Every progress figure comes from ProgressService (`programProgress` / `stateProgress`): weighted
 * progress, items completed, on-time items, institutions, and which report is current or validated for each unit.
 * Reporting-round timeliness comes from ReportingRoundsService. Nothing here recomputes either.
 *
 * For other features (review rounds): `programIndicators(idOrCode, asOf)` returns every indicator nationally and
 * for every state participating at `asOf`, unrounded.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly progress: ProgressService,
    private readonly rounds: ReportingRoundsService,
    private readonly indicators: IndicatorsRepository,
    private readonly clock: Clock,
  ) {}

  // -------------------------------------------------------------------------------------------------------
  // Routes (figures are public: any role, any state)

  async list(programIdOrCode: string, q: IndicatorQueryDto): Promise<IndicatorListResponse> {
    const program = await this.findProgram(programIdOrCode);
    const asOf = q.asOf ?? this.clock.today(program.timeZone);
    const head = { programId: program.id, programCode: program.code, asOf };
    if (q.stateCode === undefined) {
      const result = await this.evaluate(program, asOf, { national: true, states: [] });
      return { ...head, scope: 'national', indicators: result.national!.map(toIndicatorFigureResponse) };
    }
    const result = await this.evaluate(program, asOf, { national: false, states: [q.stateCode] });
    const state = result.states[0];
    return { ...head, scope: q.stateCode, participating: state.participating, indicators: state.indicators.map(toIndicatorFigureResponse) };
  }

  /**
   * One indicator's values over time in one scope: a point at `from`, at the end of every month in between and at
   * `to`, plus every day with a daily progress snapshot. A point is read from the snapshot of its date when the
   * kind's figures are in it (progress kinds), and computed as of its date otherwise.
   */
  async series(programIdOrCode: string, indicatorCode: string, q: IndicatorSeriesQueryDto): Promise<IndicatorSeriesResponse> {
    const program = await this.findProgram(programIdOrCode);
    const indicator = (await this.definitions(program.id)).find((d) => d.code === indicatorCode);
    if (!indicator) throw new NotFoundException(`Unknown indicator ${indicatorCode} in program ${program.code}`);
    const today = this.clock.today(program.timeZone);
    const now = await this.progress.programProgress(program.id, today);
    const scope = q.stateCode ?? 'national';
    if (q.stateCode !== undefined && !now.participations.some((p) => p.stateCode === q.stateCode)) {
      throw new NotFoundException(`State ${q.stateCode} does not participate in program ${program.code}`);
    }
    const to = q.to ?? today;
    const from = q.from ?? earliestJoin(now) ?? to;
    if (to < from) throw new FieldValidationException([{ field: 'to', message: `to (${to}) must not be before from (${from})` }]);
    const grid = seriesDates(from, to);
    if (grid.length > MAX_SERIES_POINTS) {
      throw new FieldValidationException([{ field: 'from', message: `a series covers at most ${MAX_SERIES_POINTS} monthly points; [${from}, ${to}] needs ${grid.length}` }]);
    }

    const snapshots = new Map<string, ProgressSnapshotRow[]>();
    if (isProgressKind(indicator.kind)) {
      for (const row of await this.indicators.findProgressSnapshots(program.id, from, to)) {
        const rows = snapshots.get(row.snapshotDate) ?? [];
        rows.push(row);
        snapshots.set(row.snapshotDate, rows);
      }
    }
    const dates = [...new Set([...grid, ...snapshots.keys()])].sort();
    const points: SeriesPoint[] = [];
    for (const date of dates) {
      const fromSnapshot = snapshotValue(indicator, scope, snapshots.get(date) ?? []);
      if (fromSnapshot !== undefined) {
        points.push({ date, value: fromSnapshot, source: 'snapshot' });
        continue;
      }
      const values = await this.computeValues(program, [indicator], date, q.stateCode === undefined ? { national: true, states: [] } : { national: false, states: [q.stateCode] });
      const value = q.stateCode === undefined ? values.national!.get(indicator.code)! : values.states.get(q.stateCode)!.values.get(indicator.code)!;
      points.push({ date, value, source: 'computed' });
    }
    const series: IndicatorSeries = { programId: program.id, indicator, scope, from, to, targets: indicator.targets[scope] ?? [], points };
    return toIndicatorSeriesResponse(series);
  }

  // -------------------------------------------------------------------------------------------------------
  // For other features

  /** Every indicator nationally and for every state participating at `asOf`, unrounded (404 for an unknown program). */
  async programIndicators(programIdOrCode: string, asOf: string): Promise<ProgramIndicators> {
    return this.evaluate(await this.findProgram(programIdOrCode), asOf, { national: true, states: 'participating' });
  }

  // -------------------------------------------------------------------------------------------------------

  private async findProgram(programIdOrCode: string): Promise<Program> {
    const program = await this.programs.findByIdOrCode(programIdOrCode);
    if (!program) throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    return program;
  }

  private async evaluate(program: Program, asOf: string, scopes: Scopes): Promise<ProgramIndicators> {
    const defs = await this.definitions(program.id);
    const values = await this.computeValues(program, defs, asOf, scopes);
    const figures = (scope: string, v: Map<string, number | null>) => defs.map((d) => scopeFigure(d, scope, v.get(d.code) ?? null, asOf));
    return {
      programId: program.id,
      programCode: program.code,
      asOf,
      national: values.national === null ? null : figures('national', values.national),
      states: [...values.states.entries()].map(([stateCode, s]) => ({ stateCode, participating: s.participating, indicators: figures(stateCode, s.values) })),
    };
  }

  private async definitions(programId: string): Promise<IndicatorDefinition[]> {
    const [indicators, targets] = await Promise.all([this.programs.findIndicators(programId), this.programs.findTargets(programId)]);
    return indicators.map((i) => {
      const byScope: Record<string, DatedValue[]> = {};
      for (const t of targets.filter((x) => x.indicatorId === i.id)) (byScope[t.stateCode ?? 'national'] ??= []).push({ value: t.value, date: t.targetDate });
      for (const list of Object.values(byScope)) list.sort(compareTargets);
      return {
        code: i.code,
        name: i.name,
        definition: i.definition,
        unit: i.unit,
        direction: i.direction,
        kind: i.kind,
        params: i.params,
        baseline: i.baselineValue === null ? null : { value: i.baselineValue, date: i.baselineDate },
        targets: byScope,
      };
    });
  }

  /**
   * The values of `defs` as of `t` in the scopes asked. One national progress read (cached by the engine); per-unit
   * state figures only for the states whose units a kind needs; one query for the evidence and one for the metrics
   * of the reports the engine names; one reporting-round read when a timeliness indicator is asked for.
   */
  private async computeValues(program: Program, defs: readonly IndicatorDefinition[], t: string, scopes: Scopes): Promise<Values> {
    const pp = await this.progress.programProgress(program.id, t);
    const participating = new Map(pp.states.map((s) => [s.stateCode, s]));
    const stateCodes = scopes.states === 'participating' ? pp.states.map((s) => s.stateCode) : [...scopes.states];

    const details = new Map<string, StateProgressDetail>();
    const detail = async (code: string): Promise<StateProgressDetail> => {
      let d = details.get(code);
      if (d === undefined) details.set(code, (d = await this.progress.stateProgress(program.id, code, t)));
      return d;
    };
    // A state asked for that is not participating at t is not in the national figures: its own page has its figures.
    const stateFigures = new Map<string, StateProgress>();
    for (const code of stateCodes) stateFigures.set(code, participating.get(code) ?? (await detail(code)).progress);

    const unitDefs = defs.filter((d) => UNIT_KINDS.has(d.kind));
    const unitStates = unitDefs.length === 0 ? [] : [...new Set([...stateCodes, ...(scopes.national ? participating.keys() : [])])];
    for (const code of unitStates) await detail(code);

    const datasetReports = new Set<string>();
    const metricReports = new Set<string>();
    for (const d of unitDefs) {
      for (const code of unitStates) {
        for (const unit of activityItem(details.get(code)!, d)?.units ?? []) {
          if (d.kind === 'datasets_published' && unit.validatedReport) datasetReports.add(unit.validatedReport.id);
          if (d.kind === 'metric_sum' && unit.currentReport) metricReports.add(unit.currentReport.id);
        }
      }
    }
    const needsRounds = defs.some((d) => d.kind === 'reporting_round_timeliness');
    const [evidenceRows, metricRows, rounds] = await Promise.all([
      this.indicators.findDatasetEvidence([...datasetReports]),
      this.indicators.findReportMetrics([...metricReports]),
      needsRounds ? this.rounds.timelinessByState(program.id, t) : null,
    ]);
    const evidence = new Map<string, DatasetEvidenceRow[]>();
    for (const row of evidenceRows) evidence.set(row.reportId, [...(evidence.get(row.reportId) ?? []), row]);
    const metrics = new Map(metricRows.map((r) => [r.reportId, r.metrics]));
    const roundStates = new Map((rounds?.states ?? []).map((s) => [s.stateCode, s]));

    const measure = (d: IndicatorDefinition, code: string): Measure | null => {
      if (isProgressKind(d.kind)) return progressMeasure(d.kind, stateCountsOf(stateFigures.get(code) ?? participating.get(code)!));
      switch (d.kind) {
        case 'institutions_completed_activity': {
          // Active institutions on the activity (its units), and of those the ones whose unit is at 100.
          const units = activityItem(details.get(code)!, d)?.units ?? [];
          return { numerator: units.filter((u) => u.progress >= 100).length, denominator: units.length };
        }
        case 'datasets_published': {
          const highValueOnly = d.params.highValueOnly === true;
          const urls = new Set<string>();
          for (const unit of activityItem(details.get(code)!, d)?.units ?? []) {
            for (const e of unit.validatedReport ? (evidence.get(unit.validatedReport.id) ?? []) : []) if (!highValueOnly || e.highValue) urls.add(e.url.trim());
          }
          return { numerator: urls.size, denominator: null };
        }
        case 'metric_sum': {
          const metric = String(d.params.metric);
          let sum = 0;
          for (const unit of activityItem(details.get(code)!, d)?.units ?? []) {
            const v = unit.currentReport ? metrics.get(unit.currentReport.id)?.[metric] : undefined;
            if (typeof v === 'number' && Number.isFinite(v)) sum += v;
          }
          return { numerator: sum, denominator: null };
        }
        case 'reporting_round_timeliness': {
          const f = roundStates.get(code);
          return { numerator: f?.onTime ?? 0, denominator: f?.expected ?? 0 };
        }
        default:
          return null; // not in the catalogue (imports reject it): no value
      }
    };
    const value = (d: IndicatorDefinition, code: string): number | null => {
      const m = measure(d, code);
      return m === null ? null : measureValue(m, d.unit);
    };
    const nationalValue = (d: IndicatorDefinition): number | null => {
      if (d.kind === 'weighted_progress') return pp.national.national.progress;
      if (d.kind === 'reporting_round_timeliness') return measureValue({ numerator: rounds!.national.onTime, denominator: rounds!.national.expected }, d.unit);
      const measures = pp.states.map((s) => measure(d, s.stateCode));
      return measures.some((m) => m === null) ? null : measureValue(poolMeasures(measures as Measure[]), d.unit);
    };

    return {
      national: scopes.national ? new Map(defs.map((d) => [d.code, nationalValue(d)])) : null,
      states: new Map(
        stateCodes.map((code) => [code, { participating: stateFigures.get(code)!.participating, values: new Map(defs.map((d) => [d.code, value(d, code)])) }]),
      ),
    };
  }
}

/** The included plan item of the indicator's activity in one state (null when excluded or absent). */
function activityItem(detail: StateProgressDetail, d: IndicatorDefinition): ItemProgress | null {
  const item = detail.progress.items.find((i) => i.activityCode === d.params.activityCode);
  return item && item.included ? item : null;
}

function scopeFigure(d: IndicatorDefinition, scope: string, value: number | null, asOf: string): ScopeFigure {
  const target = selectTarget(d.targets[scope] ?? [], asOf);
  return {
    code: d.code,
    name: d.name,
    definition: d.definition,
    unit: d.unit,
    direction: d.direction,
    kind: d.kind,
    params: d.params,
    scope,
    value,
    baseline: d.baseline,
    target,
    ...judge(value, d.baseline, target, d.direction, asOf),
  };
}

/** Dated targets by date, undated ones last. */
function compareTargets(a: DatedValue, b: DatedValue): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

function earliestJoin(p: ProgramProgress): string | null {
  return p.participations.reduce<string | null>((min, x) => (min === null || x.joinedOn < min ? x.joinedOn : min), null);
}

/** `from`, the last day of every month strictly between `from` and `to`, and `to`. */
export function seriesDates(from: string, to: string): string[] {
  const dates = [from];
  let monthEnd = lastDayOfMonth(from);
  while (monthEnd < to) {
    if (monthEnd > from) dates.push(monthEnd);
    monthEnd = lastDayOfMonth(addDays(monthEnd, 1));
  }
  if (to > from) dates.push(to);
  return dates;
}

function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * A progress kind's value from the daily snapshots of one date, or undefined when they do not hold it (no row for
 * the scope; for the national scope, not every participating state's row).
 */
function snapshotValue(d: IndicatorDefinition, scope: string, rows: readonly ProgressSnapshotRow[]): number | null | undefined {
  const kind = d.kind;
  if (!isProgressKind(kind) || rows.length === 0) return undefined;
  if (scope !== 'national') {
    const row = rows.find((r) => r.scope === scope);
    const counts = row ? stateCountsFromSnapshot(scope, row.figures) : null;
    return counts === null ? undefined : measureValue(progressMeasure(kind, counts), d.unit);
  }
  const national = rows.find((r) => r.scope === 'national');
  if (!national) return undefined;
  if (kind === 'weighted_progress') {
    const p = national.figures.progress;
    return typeof p === 'number' || p === null ? p : undefined;
  }
  const stateRows = rows.filter((r) => r.scope !== 'national');
  if (typeof national.figures.states !== 'number' || stateRows.length !== national.figures.states) return undefined;
  const counts = stateRows.map((r) => stateCountsFromSnapshot(r.scope, r.figures));
  if (counts.some((c) => c === null)) return undefined;
  return measureValue(poolMeasures(counts.map((c) => progressMeasure(kind, c!))), d.unit);
}
