/**
 * The figures a review round freezes, and how frozen figures compare with live ones (pure). A frozen document is
 * plain JSON with unrounded numbers, built from the progress engine's and the indicators' own output: nothing is
 * recomputed here. Round only at the edge (`round1`).
 */
import type { ProgramIndicators } from '../indicators/indicator-views.js';
import type { DatedValue, IndicatorStatus } from '../indicators/indicator-targets.js';
import { round1 } from '../progress/progress-math.js';
import { roundFigures } from '../progress/progress-rounding.js';
import type { NationalFigures, ProgressThresholds, TrafficLight } from '../progress/progress-types.js';
import type { ProgramProgress } from '../progress/progress-views.js';

export interface FrozenItem {
  activityCode: string;
  phaseNumber: number;
  level: 'state' | 'institution';
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  progress: number;
  validatedProgress: number;
  expected: number;
  variance: number;
  status: TrafficLight;
  overdue: boolean;
  daysLate: number | null;
  completedOn: string | null;
  completedOnTime: boolean;
  institutions: number | null;
}

export interface FrozenPhase {
  phaseNumber: number;
  progress: number;
  validatedProgress: number;
  expected: number;
  variance: number;
  status: TrafficLight;
}

export interface FrozenState {
  stateCode: string;
  stateName: string;
  joinedOn: string;
  exitedOn: string | null;
  progress: number;
  validatedProgress: number;
  expected: number;
  variance: number;
  status: TrafficLight;
  institutions: number;
  includedItems: number;
  completedItems: number;
  overdueItems: number;
  dueItems: number;
  completedOnTimeItems: number;
  onTimeRate: number | null;
  phases: FrozenPhase[];
  items: FrozenItem[];
}

export interface FrozenIndicatorValue {
  value: number | null;
  baseline: DatedValue | null;
  target: DatedValue | null;
  expectedNow: number | null;
  achievement: number | null;
  status: IndicatorStatus | null;
}

export interface FrozenIndicator {
  code: string;
  name: string;
  unit: 'count' | 'percent';
  direction: 'up' | 'down';
  kind: string;
  params: Record<string, unknown>;
  national: FrozenIndicatorValue;
  /** By state code: every state participating at asOf. */
  states: Record<string, FrozenIndicatorValue>;
}

export interface FrozenFigures {
  asOf: string;
  thresholds: ProgressThresholds;
  progress: {
    national: NationalFigures;
    /** States participating at asOf, by state code. */
    states: FrozenState[];
  };
  /** In document order. */
  indicators: FrozenIndicator[];
}

/** Everything a review round keeps, from the engine's and the indicators' figures as of the same date. */
export function freezeFigures(progress: ProgramProgress, indicators: ProgramIndicators): FrozenFigures {
  const names = new Map(progress.participations.map((p) => [p.stateCode, p.stateName]));
  const stateIndicators = new Map(indicators.states.map((s) => [s.stateCode, new Map(s.indicators.map((f) => [f.code, f]))]));
  return {
    asOf: progress.asOf,
    thresholds: progress.national.thresholds,
    progress: {
      national: progress.national.national,
      states: progress.states.map((s) => ({
        stateCode: s.stateCode,
        stateName: names.get(s.stateCode) ?? s.stateCode,
        joinedOn: s.joinedOn,
        exitedOn: s.exitedOn,
        progress: s.progress,
        validatedProgress: s.validatedProgress,
        expected: s.expected,
        variance: s.variance,
        status: s.status,
        institutions: s.institutions,
        includedItems: s.arithmetic.includedItems,
        completedItems: s.completedItems,
        overdueItems: s.overdueItems,
        dueItems: s.dueItems,
        completedOnTimeItems: s.completedOnTimeItems,
        onTimeRate: s.onTimeRate,
        phases: s.phases.map((p) => ({ phaseNumber: p.phaseNumber, progress: p.progress, validatedProgress: p.validatedProgress, expected: p.expected, variance: p.variance, status: p.status })),
        items: s.items.map((i) => ({
          activityCode: i.activityCode,
          phaseNumber: i.phaseNumber,
          level: i.level,
          weight: i.weight,
          included: i.included,
          plannedStart: i.plannedStart,
          plannedDue: i.plannedDue,
          progress: i.progress,
          validatedProgress: i.validatedProgress,
          expected: i.expected,
          variance: i.variance,
          status: i.status,
          overdue: i.overdue,
          daysLate: i.daysLate,
          completedOn: i.completedOn,
          completedOnTime: i.completedOnTime,
          institutions: i.institutions,
        })),
      })),
    },
    indicators: (indicators.national ?? []).map((n) => ({
      code: n.code,
      name: n.name,
      unit: n.unit,
      direction: n.direction,
      kind: n.kind,
      params: n.params,
      national: indicatorValue(n),
      states: Object.fromEntries(
        indicators.states.flatMap((s) => {
          const f = stateIndicators.get(s.stateCode)?.get(n.code);
          return f ? [[s.stateCode, indicatorValue(f)]] : [];
        }),
      ),
    })),
  };
}

function indicatorValue(f: FrozenIndicatorValue): FrozenIndicatorValue {
  return { value: f.value, baseline: f.baseline, target: f.target, expectedNow: f.expectedNow, achievement: f.achievement, status: f.status };
}

// ---------------------------------------------------------------------------------------------------------
// Rounding at the edge: percentages to one decimal; counts, weights, dates and flags as they are.

export function roundFrozenFigures(f: FrozenFigures): FrozenFigures {
  return {
    ...f,
    progress: {
      national: roundFigures(f.progress.national),
      states: f.progress.states.map((s) => ({
        ...roundFigures(s),
        onTimeRate: round1(s.onTimeRate),
        phases: s.phases.map(roundFigures),
        items: s.items.map(roundFigures),
      })),
    },
    indicators: f.indicators.map((i) => ({
      ...i,
      national: roundIndicatorValue(i.national),
      states: Object.fromEntries(Object.entries(i.states).map(([code, v]) => [code, roundIndicatorValue(v)])),
    })),
  };
}


function roundIndicatorValue(v: FrozenIndicatorValue): FrozenIndicatorValue {
  const dated = (d: DatedValue | null) => (d === null ? null : { value: round1(d.value), date: d.date });
  return { value: round1(v.value), baseline: dated(v.baseline), target: dated(v.target), expectedNow: round1(v.expectedNow), achievement: round1(v.achievement), status: v.status };
}

// ---------------------------------------------------------------------------------------------------------
// Differences

export type FigureValue = number | string | boolean | null;

export interface FigureDifference {
  /** `national` or a state code. */
  scope: string;
  /** `progress` (a state or national figure), `item` (one plan item of a state), `indicator`. */
  kind: 'progress' | 'item' | 'indicator';
  activityCode: string | null;
  indicatorCode: string | null;
  /** The figure's name, e.g. `progress`, `plannedDue`, `value`, `status`; `participating` for a state present on one side only. */
  figure: string;
  /** Rounded to one decimal for percentages; null when the figure does not exist on that side. */
  frozen: FigureValue;
  live: FigureValue;
  /** live − frozen (one decimal) for numbers present on both sides; otherwise null. */
  delta: number | null;
  changed: boolean;
}

const NATIONAL_FIGURES = ['progress', 'validatedProgress', 'expected', 'variance', 'status', 'states', 'institutions', 'overdueItems'] as const;
const STATE_FIGURES = ['progress', 'validatedProgress', 'expected', 'variance', 'status', 'institutions', 'includedItems', 'completedItems', 'overdueItems', 'dueItems', 'completedOnTimeItems', 'onTimeRate'] as const;
const ITEM_FIGURES = ['included', 'plannedStart', 'plannedDue', 'progress', 'validatedProgress', 'expected', 'status', 'overdue', 'completedOn'] as const;
const INDICATOR_FIGURES = ['value', 'status'] as const;

/**
 * Every figure of a frozen document next to the same figure in a live one, compared at the precision shown
 * (numbers rounded to one decimal: a difference that rounds away is no difference). States, items and indicators
 * present on one side only show with null on the other. In a stable order: national progress, each state (its
 * figures, then its items), then each indicator (national, then states).
 */
export function compareFigures(frozen: FrozenFigures, live: FrozenFigures): FigureDifference[] {
  const out: FigureDifference[] = [];
  const push = (scope: string, kind: FigureDifference['kind'], activityCode: string | null, indicatorCode: string | null, figure: string, a: unknown, b: unknown) =>
    out.push(difference(scope, kind, activityCode, indicatorCode, figure, a as FigureValue | undefined, b as FigureValue | undefined));

  for (const figure of NATIONAL_FIGURES) push('national', 'progress', null, null, figure, frozen.progress.national[figure], live.progress.national[figure]);

  const frozenStates = new Map(frozen.progress.states.map((s) => [s.stateCode, s]));
  const liveStates = new Map(live.progress.states.map((s) => [s.stateCode, s]));
  for (const code of [...new Set([...frozenStates.keys(), ...liveStates.keys()])].sort()) {
    const a = frozenStates.get(code);
    const b = liveStates.get(code);
    push(code, 'progress', null, null, 'participating', a !== undefined, b !== undefined);
    for (const figure of STATE_FIGURES) push(code, 'progress', null, null, figure, a?.[figure], b?.[figure]);
    const itemsA = new Map((a?.items ?? []).map((i) => [i.activityCode, i]));
    const itemsB = new Map((b?.items ?? []).map((i) => [i.activityCode, i]));
    const codes = [...new Set([...itemsA.keys(), ...itemsB.keys()])];
    for (const activityCode of codes) {
      for (const figure of ITEM_FIGURES) push(code, 'item', activityCode, null, figure, itemsA.get(activityCode)?.[figure], itemsB.get(activityCode)?.[figure]);
    }
  }

  const liveIndicators = new Map(live.indicators.map((i) => [i.code, i]));
  const frozenIndicators = new Map(frozen.indicators.map((i) => [i.code, i]));
  const indicatorCodes = [...new Set([...frozenIndicators.keys(), ...liveIndicators.keys()])];
  for (const code of indicatorCodes) {
    const a = frozenIndicators.get(code);
    const b = liveIndicators.get(code);
    for (const figure of INDICATOR_FIGURES) push('national', 'indicator', null, code, figure, a?.national[figure], b?.national[figure]);
    const states = [...new Set([...Object.keys(a?.states ?? {}), ...Object.keys(b?.states ?? {})])].sort();
    for (const state of states) {
      for (const figure of INDICATOR_FIGURES) push(state, 'indicator', null, code, figure, a?.states[state]?.[figure], b?.states[state]?.[figure]);
    }
  }
  return out;
}

function difference(
  scope: string,
  kind: FigureDifference['kind'],
  activityCode: string | null,
  indicatorCode: string | null,
  figure: string,
  a: FigureValue | undefined,
  b: FigureValue | undefined,
): FigureDifference {
  const frozen = shown(a);
  const live = shown(b);
  const delta = typeof frozen === 'number' && typeof live === 'number' ? round1(live - frozen) : null;
  return { scope, kind, activityCode, indicatorCode, figure, frozen, live, delta, changed: frozen !== live };
}

function shown(v: FigureValue | undefined): FigureValue {
  if (v === undefined) return null;
  return typeof v === 'number' ? round1(v) : v;
}
