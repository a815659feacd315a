/**
 * The progress engine (SPEC §4): pure functions on plain inputs, computed from scratch as of a date `t`.
 * This is the one home of every progress number; it is also the reference that any maintained / incremental
 * implementation is property-tested against. Interpretations the SPEC leaves open are fixed here:
 *
 * - Active at t (participation or institution): joinedOn ≤ t and not exited by t, where "exited by t" means
 *   exitedOn ≤ t. So the exit date itself is the first day it no longer counts.
 * - Report order within a unit: reportedOn, then createdAt, then id (string order) as a last resort. Only
 *   reports with reportedOn ≤ t and review state other than `returned` count. A returned report is as if it
 *   did not exist. State-level items have one unit (institutionId on their reports is ignored); on
 *   institution-level items reports without an institution, or of an institution not active at t, are ignored.
 * - Completion date of a unit at 100: the earliest report of the latest unbroken run of counting reports at
 *   100 that ends at the current report. A unit that reached 100, dropped below it and came back was completed
 *   when it came back.
 * - On-time rate: of the included items with plannedDue ≤ t, the share (in percent) whose completion date is
 *   ≤ plannedDue; null when none is due. Items completed early but not due yet are in neither count.
 * - A weighted or plain mean of values that are all equal is that value exactly (so "everything at 100" is
 *   P = 100 even with weights such as 0.1 + 0.2); means are clamped to [0, 100] against float noise.
 * - Traffic-light comparisons allow 1e-9 pp of float noise, so SV = −5 computed as −5.000000000000001 is still
 *   on track.
 * - No included item: P = E = 0. No participating state: national figures are null.
 * - Institution progress (per institution, not in SPEC §4 but asked by the model program): the weighted mean of
 *   its units over the included institution-level items (`computeInstitutionProgress`).
 * - Baseline (issue 9.4): every expected figure has a twin against the original plan, `expectedBaseline`, computed by
 *   the same `expectedProgress` fed each item's originalStart/originalDue instead of its planned dates and averaged
 *   by the same means over the same included items (an item excluded by a re-plan is out of both);
 *   `varianceBaseline` = P − expectedBaseline. The traffic light, overdue items and the on-time rate stay on the
 *   current plan. With original = planned dates the baseline figures equal the current ones exactly.
 * Sums keep full precision; `round1` is for the API edge only.
 *
 * Two ways in, one way through: `computeStateProgress` takes the reports; `computeStateProgressFromUnits` takes
 * one `UnitSnapshot` per unit (current report, validated report, completion date; see `unitSnapshot`), which is
 * what the database maintains, so the service never re-reads report history for today's figures. Both end in
 * the same item/phase/state arithmetic.
 */
import { daysBetween } from '../../../platform/src/util/dates.js';
import {
  DEFAULT_THRESHOLDS,
  type DatedMembership,
  type InstitutionInput,
  type InstitutionProgress,
  type ItemProgress,
  type NationalPhaseProgress,
  type NationalProgress,
  type ParticipationInput,
  type PhaseProgress,
  type PlanItemInput,
  type ProgressOptions,
  type ProgressThresholds,
  type ReportInput,
  type ReportRef,
  type StateProgress,
  type StateProgressInput,
  type StateProgressSummary,
  type StateUnitsInput,
  type TrafficLight,
  type TrafficLightDistribution,
  type UnitProgress,
  type UnitSnapshot,
  type UnitStep,
  type WeightedSums,
} from './progress-types.js';

/** Float noise tolerated by traffic-light comparisons, in percentage points. */
export const PROGRESS_EPSILON = 1e-9;

// ---------------------------------------------------------------------------------------------------------
// Small rules

/** Joined on or before `t` and not exited by `t` (exitedOn ≤ t means exited). */
export function isActiveAt(member: DatedMembership, t: string): boolean {
  return member.joinedOn <= t && (member.exitedOn === null || member.exitedOn > t);
}

/** 100 · clamp((t − start) / (due − start), 0, 1) in days; when due = start, 0 before that day and 100 from it. */
export function expectedProgress(item: { plannedStart: string; plannedDue: string }, t: string): number {
  if (t < item.plannedStart) return 0;
  if (t >= item.plannedDue) return 100;
  // plannedStart ≤ t < plannedDue, so the span is at least one day.
  return (100 * daysBetween(item.plannedStart, t)) / daysBetween(item.plannedStart, item.plannedDue);
}

/** Completed at P = 100; otherwise by schedule variance: on_track ≥ atRisk > at_risk ≥ offTrack > off_track. */
export function trafficLight(
  progress: number,
  variance: number,
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
): TrafficLight {
  if (progress >= 100 - PROGRESS_EPSILON) return 'completed';
  if (variance >= thresholds.atRisk - PROGRESS_EPSILON) return 'on_track';
  if (variance >= thresholds.offTrack - PROGRESS_EPSILON) return 'at_risk';
  return 'off_track';
}

/** One decimal, half away from zero, tolerant of binary noise (4.35 → 4.4). Only for the API edge. */
export function round1(value: number): number;
export function round1(value: number | null): number | null;
export function round1(value: number | null): number | null {
  if (value === null) return null;
  const scaled = Number((Math.abs(value) * 10).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / 10;
  return rounded === 0 ? 0 : rounded; // no -0 in JSON
}

function toMillis(value: Date | string | number): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(value);
}

function compareCreated(a: Date | string | number, b: Date | string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = toMillis(a);
  const y = toMillis(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  const s = String(a);
  const u = String(b);
  return s < u ? -1 : s > u ? 1 : 0;
}

/** The order of reports within one unit: reportedOn, then createdAt, then id. */
export function compareReports(a: ReportInput, b: ReportInput): number {
  if (a.reportedOn !== b.reportedOn) return a.reportedOn < b.reportedOn ? -1 : 1;
  const byCreated = compareCreated(a.createdAt, b.createdAt);
  if (byCreated !== 0) return byCreated;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Reports dated ≤ t that are not returned: the only ones that ever count. */
function counts(report: ReportInput, t: string): boolean {
  return report.reportedOn <= t && report.reviewState !== 'returned';
}

/**
 * The current report of one unit at `t` (the caller passes that unit's reports): the latest counting report;
 * with `validated`, the latest counting report that is `accepted`. Null when there is none.
 */
export function currentReport(
  unitReports: readonly ReportInput[],
  t: string,
  validated = false,
): ReportInput | null {
  let best: ReportInput | null = null;
  for (const r of unitReports) {
    if (!counts(r, t) || (validated && r.reviewState !== 'accepted')) continue;
    if (best === null || compareReports(r, best) > 0) best = r;
  }
  return best;
}

/**
 * The date one unit (its reports passed by the caller) reached its current 100: the reportedOn of the earliest
 * report in the latest unbroken run of counting reports at 100. Null when the current progress is below 100.
 */
export function unitCompletionDate(unitReports: readonly ReportInput[], t: string): string | null {
  const acc = newUnit();
  for (const r of unitReports) if (counts(r, t)) observe(acc, r);
  for (const r of unitReports) if (counts(r, t)) observeCompletion(acc, r);
  return acc.completedFrom?.reportedOn ?? null;
}

/**
 * One unit's snapshot as of `t` from its reports (the caller passes that unit's reports): what a maintained
 * store keeps per unit, and what `computeStateProgressFromUnits` consumes.
 */
export function unitSnapshot(
  itemId: string,
  institutionId: string | null,
  unitReports: readonly ReportInput[],
  t: string,
): UnitSnapshot {
  const acc = newUnit();
  for (const r of unitReports) if (counts(r, t)) observe(acc, r);
  for (const r of unitReports) if (counts(r, t)) observeCompletion(acc, r);
  const unit = resolve(acc);
  return {
    itemId,
    institutionId,
    current: reportRef(unit.current),
    validated: reportRef(unit.validated),
    completedOn: unit.completedOn,
  };
}

/**
 * One unit's snapshot history (the caller passes that unit's reports): one step per date on which a counting
 * (not returned) report is dated, holding `unitSnapshot(…, that date)` until the next such date; the last step is
 * open (`validTo` null) and equals the snapshot over all reports. Before the first step the unit has no report.
 * With `from`, only the steps that end on or after `from` (or are open): the ones a write dated `from` can change.
 */
export function unitSteps(
  itemId: string,
  institutionId: string | null,
  unitReports: readonly ReportInput[],
  from: string | null = null,
): UnitStep[] {
  const dates = [...new Set(unitReports.filter((r) => r.reviewState !== 'returned').map((r) => r.reportedOn))].sort();
  const steps: UnitStep[] = [];
  dates.forEach((validFrom, k) => {
    const validTo = k + 1 < dates.length ? dates[k + 1] : null;
    if (from !== null && validTo !== null && validTo < from) return;
    steps.push({ validFrom, validTo, snapshot: unitSnapshot(itemId, institutionId, unitReports, validFrom) });
  });
  return steps;
}

// ---------------------------------------------------------------------------------------------------------
// Units: one accumulator per (item, institution), filled by two linear passes over the reports.

interface UnitAcc {
  current: ReportInput | null;
  validated: ReportInput | null;
  /** Latest counting report below 100: a completion run starts after it. */
  lastBelow: ReportInput | null;
  /** Earliest report at 100 after `lastBelow` (only kept when `current` is at 100). */
  completedFrom: ReportInput | null;
}

const STATE_UNIT = '';

function newUnit(): UnitAcc {
  return { current: null, validated: null, lastBelow: null, completedFrom: null };
}

function observe(acc: UnitAcc, r: ReportInput): void {
  if (acc.current === null || compareReports(r, acc.current) > 0) acc.current = r;
  if (r.reviewState === 'accepted' && (acc.validated === null || compareReports(r, acc.validated) > 0)) {
    acc.validated = r;
  }
  if (r.percent < 100 && (acc.lastBelow === null || compareReports(r, acc.lastBelow) > 0)) acc.lastBelow = r;
}

/** Second pass, after every report of the unit went through `observe`. */
function observeCompletion(acc: UnitAcc, r: ReportInput): void {
  if (r.percent < 100 || acc.current === null || acc.current.percent < 100) return;
  if (acc.lastBelow !== null && compareReports(r, acc.lastBelow) < 0) return;
  if (acc.completedFrom === null || compareReports(r, acc.completedFrom) < 0) acc.completedFrom = r;
}

/** What the item figures need of one unit: its current and validated report and its completion date. */
interface ResolvedUnit {
  current: ReportRef | null;
  validated: ReportRef | null;
  completedOn: string | null;
}

type UnitIndex = Map<string, Map<string, ResolvedUnit>>;

function resolve(acc: UnitAcc): ResolvedUnit {
  return { current: acc.current, validated: acc.validated, completedOn: acc.completedFrom?.reportedOn ?? null };
}

/** Groups the counting reports by unit once; O(reports). */
function indexUnits(
  items: readonly PlanItemInput[],
  activeInstitutionIds: ReadonlySet<string>,
  reports: readonly ReportInput[],
  t: string,
): UnitIndex {
  const itemsById = new Map<string, PlanItemInput>();
  for (const item of items) itemsById.set(item.itemId, item);
  const index = new Map<string, Map<string, UnitAcc>>();

  const unitKey = (r: ReportInput): string | null => {
    if (!counts(r, t)) return null;
    const item = itemsById.get(r.itemId);
    if (item === undefined) return null;
    if (item.level === 'state') return STATE_UNIT;
    return r.institutionId !== null && activeInstitutionIds.has(r.institutionId) ? r.institutionId : null;
  };

  let anyAt100 = false;
  for (const r of reports) {
    const key = unitKey(r);
    if (key === null) continue;
    let units = index.get(r.itemId);
    if (units === undefined) index.set(r.itemId, (units = new Map()));
    let acc = units.get(key);
    if (acc === undefined) units.set(key, (acc = newUnit()));
    observe(acc, r);
    if (r.percent >= 100) anyAt100 = true;
  }
  if (anyAt100) {
    for (const r of reports) {
      if (r.percent < 100) continue;
      const key = unitKey(r);
      if (key !== null) observeCompletion(index.get(r.itemId)!.get(key)!, r);
    }
  }
  const resolved: UnitIndex = new Map();
  for (const [itemId, units] of index) {
    const byKey = new Map<string, ResolvedUnit>();
    for (const [key, acc] of units) byKey.set(key, resolve(acc));
    resolved.set(itemId, byKey);
  }
  return resolved;
}

/**
 * Indexes maintained unit snapshots like `indexUnits` indexes reports: the state-level unit of a state-level item
 * (snapshots naming an institution there are ignored), one unit per institution on institution-level items.
 */
function indexSnapshots(items: readonly PlanItemInput[], units: readonly UnitSnapshot[]): UnitIndex {
  const levels = new Map<string, PlanItemInput['level']>();
  for (const item of items) levels.set(item.itemId, item.level);
  const index: UnitIndex = new Map();
  for (const u of units) {
    const level = levels.get(u.itemId);
    if (level === undefined) continue;
    const key = level === 'state' ? (u.institutionId === null ? STATE_UNIT : null) : u.institutionId;
    if (key === null) continue;
    let byKey = index.get(u.itemId);
    if (byKey === undefined) index.set(u.itemId, (byKey = new Map()));
    byKey.set(key, { current: u.current, validated: u.validated, completedOn: u.completedOn });
  }
  return index;
}

function reportRef(r: ReportRef | null): ReportRef | null {
  return r === null
    ? null
    : { id: r.id, status: r.status, percent: r.percent, reportedOn: r.reportedOn, reviewState: r.reviewState };
}

function unitProgress(institutionId: string | null, acc: ResolvedUnit | undefined): UnitProgress {
  const current = acc?.current ?? null;
  const validated = acc?.validated ?? null;
  return {
    institutionId,
    progress: current?.percent ?? 0,
    validatedProgress: validated?.percent ?? 0,
    completedOn: acc?.completedOn ?? null,
    currentReport: reportRef(current),
    validatedReport: reportRef(validated),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Means

/** Accumulates Σw·v / Σw; returns the common value exactly when all values are equal, clamped to [0, 100]. */
class WeightedMean {
  private sumWeights = 0;
  private sumWeighted = 0;
  private first: number | null = null;
  private uniform = true;

  add(value: number, weight = 1): void {
    this.sumWeights += weight;
    this.sumWeighted += weight * value;
    if (this.first === null) this.first = value;
    else if (value !== this.first) this.uniform = false;
  }

  get weights(): number {
    return this.sumWeights;
  }

  get weighted(): number {
    return this.sumWeighted;
  }

  value(): number {
    if (this.sumWeights <= 0 || this.first === null) return 0;
    if (this.uniform) return this.first;
    return Math.min(100, Math.max(0, this.sumWeighted / this.sumWeights));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Items

interface ItemCore {
  progress: number;
  validatedProgress: number;
  completedOn: string | null;
  noInstitutions: boolean;
  institutions: number | null;
  units?: UnitProgress[];
}

function evaluateItem(
  item: PlanItemInput,
  units: Map<string, ResolvedUnit> | undefined,
  activeInstitutions: readonly InstitutionInput[],
  explain: boolean,
): ItemCore {
  if (item.level === 'state') {
    const unit = unitProgress(null, units?.get(STATE_UNIT));
    return {
      progress: unit.progress,
      validatedProgress: unit.validatedProgress,
      completedOn: unit.completedOn,
      noInstitutions: false,
      institutions: null,
      ...(explain ? { units: [unit] } : {}),
    };
  }
  const n = activeInstitutions.length;
  const progress = new WeightedMean();
  const validated = new WeightedMean();
  let allComplete = n > 0;
  let latestCompletion: string | null = null;
  const explained: UnitProgress[] | undefined = explain ? [] : undefined;
  for (const inst of activeInstitutions) {
    const acc = units?.get(inst.id);
    const p = acc?.current?.percent ?? 0;
    progress.add(p);
    validated.add(acc?.validated?.percent ?? 0);
    const completedOn = acc?.completedOn ?? null;
    if (completedOn === null) allComplete = false;
    else if (latestCompletion === null || completedOn > latestCompletion) latestCompletion = completedOn;
    explained?.push(unitProgress(inst.id, acc));
  }
  return {
    progress: progress.value(),
    validatedProgress: validated.value(),
    completedOn: allComplete ? latestCompletion : null,
    noInstitutions: n === 0,
    institutions: n,
    ...(explained ? { units: explained } : {}),
  };
}

/** The original plan of an item, in the shape `expectedProgress` takes: the baseline is the same rule on these dates. */
function baselineWindow(item: PlanItemInput): { plannedStart: string; plannedDue: string } {
  return { plannedStart: item.originalStart, plannedDue: item.originalDue };
}

function finishItem(
  item: PlanItemInput,
  core: ItemCore,
  t: string,
  thresholds: ProgressThresholds,
): ItemProgress {
  const expected = expectedProgress(item, t);
  const variance = core.progress - expected;
  const expectedBaseline = expectedProgress(baselineWindow(item), t);
  const overdue = item.included && t > item.plannedDue && core.progress < 100;
  return {
    itemId: item.itemId,
    activityCode: item.activityCode,
    phaseNumber: item.phaseNumber,
    level: item.level,
    weight: item.weight,
    included: item.included,
    plannedStart: item.plannedStart,
    plannedDue: item.plannedDue,
    originalStart: item.originalStart,
    originalDue: item.originalDue,
    progress: core.progress,
    validatedProgress: core.validatedProgress,
    expected,
    variance,
    expectedBaseline,
    varianceBaseline: core.progress - expectedBaseline,
    status: trafficLight(core.progress, variance, thresholds),
    overdue,
    daysLate: overdue ? daysBetween(item.plannedDue, t) : null,
    completedOn: core.completedOn,
    completedOnTime: core.completedOn !== null && core.completedOn <= item.plannedDue,
    noInstitutions: core.noInstitutions,
    institutions: core.institutions,
    ...(core.units ? { units: core.units } : {}),
  };
}

/**
 * Progress of one plan item at `t` from its reports and the state's institutions (any extra reports of other
 * items are ignored). Convenience for a single item; `computeStateProgress` does all items in one pass.
 */
export function itemProgress(
  item: PlanItemInput,
  reports: readonly ReportInput[],
  institutions: readonly InstitutionInput[],
  t: string,
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
  options: ProgressOptions = {},
): ItemProgress {
  const active = institutions.filter((i) => isActiveAt(i, t));
  const index = indexUnits([item], new Set(active.map((i) => i.id)), reports, t);
  return finishItem(item, evaluateItem(item, index.get(item.itemId), active, options.explain ?? false), t, thresholds);
}

// ---------------------------------------------------------------------------------------------------------
// States

interface Aggregate {
  progress: WeightedMean;
  validated: WeightedMean;
  expected: WeightedMean;
  expectedBaseline: WeightedMean;
  includedItems: number;
}

function newAggregate(): Aggregate {
  const mean = () => new WeightedMean();
  return { progress: mean(), validated: mean(), expected: mean(), expectedBaseline: mean(), includedItems: 0 };
}

function addToAggregate(agg: Aggregate, item: ItemProgress): void {
  if (!item.included) return;
  agg.progress.add(item.progress, item.weight);
  agg.validated.add(item.validatedProgress, item.weight);
  agg.expected.add(item.expected, item.weight);
  agg.expectedBaseline.add(item.expectedBaseline, item.weight);
  agg.includedItems += 1;
}

function aggregateFigures(agg: Aggregate, thresholds: ProgressThresholds) {
  const progress = agg.progress.value();
  const expected = agg.expected.value();
  const variance = progress - expected;
  const expectedBaseline = agg.expectedBaseline.value();
  const arithmetic: WeightedSums = {
    includedItems: agg.includedItems,
    sumWeights: agg.progress.weights,
    sumWeightedProgress: agg.progress.weighted,
    sumWeightedValidatedProgress: agg.validated.weighted,
    sumWeightedExpected: agg.expected.weighted,
    sumWeightedExpectedBaseline: agg.expectedBaseline.weighted,
  };
  return {
    progress,
    validatedProgress: agg.validated.value(),
    expected,
    variance,
    expectedBaseline,
    varianceBaseline: progress - expectedBaseline,
    status: trafficLight(progress, variance, thresholds),
    arithmetic,
  };
}

const activityOrder = new Intl.Collator('en', { numeric: true });

function compareItems(a: PlanItemInput, b: PlanItemInput): number {
  return a.phaseNumber - b.phaseNumber || activityOrder.compare(a.activityCode, b.activityCode);
}

/**
 * Every figure of one state at `t`: P, validated P, E, SV, traffic light, phases, items, overdue items and the
 * on-time rate, with the arithmetic. Computed even when the participation is not active at `t`
 * (`participating: false`), so a state page can still explain itself; national figures leave such states out.
 */
export function computeStateProgress(
  input: StateProgressInput,
  t: string,
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
  options: ProgressOptions = {},
): StateProgress {
  const activeInstitutions = input.institutions.filter((i) => isActiveAt(i, t));
  const index = indexUnits(input.items, new Set(activeInstitutions.map((i) => i.id)), input.reports, t);
  return stateFromIndex(input.participation, input.items, activeInstitutions, index, t, thresholds, options.explain ?? false);
}

/**
 * The same figures as `computeStateProgress`, from one snapshot per unit (e.g. maintained in the database) instead
 * of the reports. Exact when every snapshot is the unit's snapshot as of `t`; a snapshot taken over all reports
 * is that whenever no counting report of the unit is dated after `t`. Units without a snapshot have no report.
 */
export function computeStateProgressFromUnits(
  input: StateUnitsInput,
  t: string,
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
  options: ProgressOptions = {},
): StateProgress {
  const activeInstitutions = input.institutions.filter((i) => isActiveAt(i, t));
  const index = indexSnapshots(input.items, input.units);
  return stateFromIndex(input.participation, input.items, activeInstitutions, index, t, thresholds, options.explain ?? false);
}

function stateFromIndex(
  participation: ParticipationInput,
  planItems: readonly PlanItemInput[],
  activeInstitutions: readonly InstitutionInput[],
  index: UnitIndex,
  t: string,
  thresholds: ProgressThresholds,
  explain: boolean,
): StateProgress {
  const state = newAggregate();
  const phases = new Map<number, { agg: Aggregate; items: number }>();
  const items: ItemProgress[] = [];
  let completedItems = 0;
  let overdueItems = 0;
  let dueItems = 0;
  let completedOnTimeItems = 0;

  for (const plan of [...planItems].sort(compareItems)) {
    const core = evaluateItem(plan, index.get(plan.itemId), activeInstitutions, explain);
    const item = finishItem(plan, core, t, thresholds);
    items.push(item);
    let phase = phases.get(plan.phaseNumber);
    if (phase === undefined) phases.set(plan.phaseNumber, (phase = { agg: newAggregate(), items: 0 }));
    phase.items += 1;
    if (!item.included) continue;
    addToAggregate(state, item);
    addToAggregate(phase.agg, item);
    if (item.progress >= 100) completedItems += 1;
    if (item.overdue) overdueItems += 1;
    if (item.plannedDue <= t) {
      dueItems += 1;
      if (item.completedOnTime) completedOnTimeItems += 1;
    }
  }

  const phaseResults: PhaseProgress[] = [...phases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([phaseNumber, { agg, items: count }]) => ({
      phaseNumber,
      items: count,
      ...aggregateFigures(agg, thresholds),
    }));

  return {
    stateCode: participation.stateCode,
    asOf: t,
    participating: isActiveAt(participation, t),
    joinedOn: participation.joinedOn,
    exitedOn: participation.exitedOn,
    ...aggregateFigures(state, thresholds),
    institutions: activeInstitutions.length,
    completedItems,
    overdueItems,
    dueItems,
    completedOnTimeItems,
    onTimeRate: dueItems === 0 ? null : (100 * completedOnTimeItems) / dueItems,
    phases: phaseResults,
    items,
  };
}

// ---------------------------------------------------------------------------------------------------------
// National

export function summarizeState(state: StateProgress): StateProgressSummary {
  return {
    stateCode: state.stateCode,
    progress: state.progress,
    validatedProgress: state.validatedProgress,
    expected: state.expected,
    variance: state.variance,
    expectedBaseline: state.expectedBaseline,
    varianceBaseline: state.varianceBaseline,
    status: state.status,
    institutions: state.institutions,
    overdueItems: state.overdueItems,
    onTimeRate: state.onTimeRate,
  };
}

/**
 * Each institution's own progress in a state computed with `{ explain: true }`: the weighted mean (activity
 * weights) of its units over the included institution-level items, validated likewise. Institutions are the
 * ones given (normally those active at `asOf`), in that order; one on no included institution-level item has 0.
 */
export function computeInstitutionProgress(
  state: StateProgress,
  institutionIds: readonly string[],
): InstitutionProgress[] {
  const acc = new Map<string, { progress: WeightedMean; validated: WeightedMean; items: number; completed: number }>();
  for (const id of institutionIds) {
    acc.set(id, { progress: new WeightedMean(), validated: new WeightedMean(), items: 0, completed: 0 });
  }
  for (const item of state.items) {
    if (!item.included || item.level !== 'institution') continue;
    if (item.units === undefined) throw new Error('computeInstitutionProgress needs a state computed with { explain: true }');
    for (const unit of item.units) {
      const a = unit.institutionId === null ? undefined : acc.get(unit.institutionId);
      if (a === undefined) continue;
      a.progress.add(unit.progress, item.weight);
      a.validated.add(unit.validatedProgress, item.weight);
      a.items += 1;
      if (unit.completedOn !== null) a.completed += 1;
    }
  }
  return institutionIds.map((institutionId) => {
    const a = acc.get(institutionId)!;
    return {
      institutionId,
      progress: a.progress.value(),
      validatedProgress: a.validated.value(),
      items: a.items,
      completedItems: a.completed,
    };
  });
}

/**
 * National figures from already computed states (e.g. from a maintained implementation): plain means over the
 * states participating at `t`, each state weighing the same. Non-participating states are skipped.
 */
export function aggregateNationalProgress(
  states: readonly StateProgress[],
  t: string,
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
): NationalProgress {
  const participating = states.filter((s) => s.participating).sort((a, b) => (a.stateCode < b.stateCode ? -1 : 1));
  const progress = new WeightedMean();
  const validated = new WeightedMean();
  const expected = new WeightedMean();
  const expectedBaseline = new WeightedMean();
  const distribution: TrafficLightDistribution = { completed: 0, on_track: 0, at_risk: 0, off_track: 0 };
  let institutions = 0;
  let overdueItems = 0;
  for (const s of participating) {
    progress.add(s.progress);
    validated.add(s.validatedProgress);
    expected.add(s.expected);
    expectedBaseline.add(s.expectedBaseline);
    distribution[s.status] += 1;
    institutions += s.institutions;
    overdueItems += s.overdueItems;
  }
  const n = participating.length;
  const p = n === 0 ? null : progress.value();
  const e = n === 0 ? null : expected.value();
  const variance = p === null || e === null ? null : p - e;
  const e0 = n === 0 ? null : expectedBaseline.value();
  return {
    asOf: t,
    thresholds: { atRisk: thresholds.atRisk, offTrack: thresholds.offTrack },
    national: {
      progress: p,
      validatedProgress: n === 0 ? null : validated.value(),
      expected: e,
      variance,
      expectedBaseline: e0,
      varianceBaseline: p === null || e0 === null ? null : p - e0,
      status: p === null || variance === null ? null : trafficLight(p, variance, thresholds),
      states: n,
      institutions,
      overdueItems,
      distribution,
    },
    states: participating.map(summarizeState),
    arithmetic: {
      states: n,
      sumProgress: progress.weighted,
      sumValidatedProgress: validated.weighted,
      sumExpected: expected.weighted,
      sumExpectedBaseline: expectedBaseline.weighted,
    },
  };
}

/**
 * Each phase nationally (see `NationalPhaseProgress`): the plain mean of the participating states' phase figures,
 * over the states whose plan includes at least one item of the phase (a state that excluded every item of a phase
 * has no progress in it, rather than 0). By phase number; `phaseNumbers` lists phases to report even when no state
 * has items in them.
 */
export function aggregateNationalPhases(
  states: readonly StateProgress[],
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
  phaseNumbers: readonly number[] = [],
): NationalPhaseProgress[] {
  type PhaseMeans = { progress: WeightedMean; validated: WeightedMean; expected: WeightedMean; expectedBaseline: WeightedMean; states: number };
  const newMeans = (): PhaseMeans => ({ progress: new WeightedMean(), validated: new WeightedMean(), expected: new WeightedMean(), expectedBaseline: new WeightedMean(), states: 0 });
  const byPhase = new Map<number, PhaseMeans>();
  for (const n of phaseNumbers) byPhase.set(n, newMeans());
  const participating = states.filter((s) => s.participating).sort((a, b) => (a.stateCode < b.stateCode ? -1 : 1));
  for (const s of participating) {
    for (const ph of s.phases) {
      let agg = byPhase.get(ph.phaseNumber);
      if (agg === undefined) byPhase.set(ph.phaseNumber, (agg = newMeans()));
      if (ph.arithmetic.includedItems === 0) continue;
      agg.progress.add(ph.progress);
      agg.validated.add(ph.validatedProgress);
      agg.expected.add(ph.expected);
      agg.expectedBaseline.add(ph.expectedBaseline);
      agg.states += 1;
    }
  }
  return [...byPhase.entries()]
    .sort(([a], [b]) => a - b)
    .map(([phaseNumber, agg]) => {
      if (agg.states === 0) return { phaseNumber, states: 0, progress: null, validatedProgress: null, expected: null, variance: null, expectedBaseline: null, varianceBaseline: null, status: null };
      const progress = agg.progress.value();
      const expected = agg.expected.value();
      const variance = progress - expected;
      const expectedBaseline = agg.expectedBaseline.value();
      return {
        phaseNumber,
        states: agg.states,
        progress,
        validatedProgress: agg.validated.value(),
        expected,
        variance,
        expectedBaseline,
        varianceBaseline: progress - expectedBaseline,
        status: trafficLight(progress, variance, thresholds),
      };
    });
}

/** National progress at `t` from scratch. States whose participation is not active at `t` are not computed. */
export function computeNationalProgress(
  states: readonly StateProgressInput[],
  t: string,
  thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
): NationalProgress {
  const computed = states
    .filter((s) => isActiveAt(s.participation, t))
    .map((s) => computeStateProgress(s, t, thresholds));
  return aggregateNationalProgress(computed, t, thresholds);
}
