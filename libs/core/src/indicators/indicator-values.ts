/**
 * From progress figures to indicator values (pure; see README.md "Values"). Indicators never recompute progress:
 * every count here is read from the engine's figures (a live `StateProgress` or a daily snapshot of it), and
 * this file only turns counts into a value for one state and combines states into the national value.
 */
import type { StateProgress } from '../progress/progress-types.js';
import type { IndicatorUnit } from '../programs/indicator.entity.js';

/** Kinds whose value comes only from a state's summary figures, so a daily progress snapshot can give it. */
export const PROGRESS_KINDS = ['states_participating', 'institutions_registered', 'weighted_progress', 'items_completed', 'items_completed_on_time'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

export function isProgressKind(kind: string): kind is ProgressKind {
  return (PROGRESS_KINDS as readonly string[]).includes(kind);
}

/** What a state's progress figures offer indicators, as the engine computed them. */
export interface StateCounts {
  stateCode: string;
  /** Participation active at the date. */
  participating: boolean;
  /** Weighted progress P. */
  progress: number;
  /** Institutions active at the date. */
  institutions: number;
  /** Included items at 100. */
  completedItems: number;
  includedItems: number;
  /** Included items due by the date. */
  dueItems: number;
  /** Of those, the ones completed by their due date. */
  completedOnTimeItems: number;
}

export function stateCountsOf(s: StateProgress): StateCounts {
  return {
    stateCode: s.stateCode,
    participating: s.participating,
    progress: s.progress,
    institutions: s.institutions,
    completedItems: s.completedItems,
    includedItems: s.arithmetic.includedItems,
    dueItems: s.dueItems,
    completedOnTimeItems: s.completedOnTimeItems,
  };
}

/**
 * The same counts from the figures the daily job stored for one state (participating that day, or it would have
 * no row). Null when the row lacks a field (e.g. written by an older version of the job).
 */
export function stateCountsFromSnapshot(stateCode: string, figures: Record<string, unknown>): StateCounts | null {
  const arithmetic = (figures.arithmetic ?? {}) as Record<string, unknown>;
  const fields = [figures.progress, figures.institutions, figures.completedItems, arithmetic.includedItems, figures.dueItems, figures.completedOnTimeItems];
  if (!fields.every((f) => typeof f === 'number')) return null;
  const [progress, institutions, completedItems, includedItems, dueItems, completedOnTimeItems] = fields as number[];
  return { stateCode, participating: true, progress, institutions, completedItems, includedItems, dueItems, completedOnTimeItems };
}

/**
 * One scope's figure as a count and, for shares, what it is a share of. `denominator` null means the numerator is
 * the value itself (counts, sums, and weighted progress).
 */
export interface Measure {
  numerator: number;
  denominator: number | null;
}

/** A state's measure for a progress kind. */
export function progressMeasure(kind: ProgressKind, s: StateCounts): Measure {
  switch (kind) {
    case 'states_participating':
      return { numerator: s.participating ? 1 : 0, denominator: null };
    case 'institutions_registered':
      return { numerator: s.institutions, denominator: null };
    case 'weighted_progress':
      return { numerator: s.progress, denominator: null };
    case 'items_completed':
      return { numerator: s.completedItems, denominator: s.includedItems };
    case 'items_completed_on_time':
      // The engine's on-time rate is exactly 100 · completedOnTimeItems / dueItems (null when nothing is due).
      return { numerator: s.completedOnTimeItems, denominator: s.dueItems };
  }
}

/**
 * The value of a measure in the indicator's unit: a share in percent (null when the denominator is 0: nothing to
 * take a share of), or the count (the numerator) for `count` indicators of share kinds.
 */
export function measureValue(m: Measure, unit: IndicatorUnit): number | null {
  if (m.denominator === null || unit === 'count') return m.numerator;
  return m.denominator === 0 ? null : (100 * m.numerator) / m.denominator;
}

/**
 * The national measure of count and share kinds: numerators and denominators summed over the states (a pooled
 * share, so a state with more items or institutions weighs more; not a mean of state shares). Weighted progress
 * is not combined here: it is the engine's national P, the plain mean over states (SPEC §4).
 */
export function poolMeasures(states: readonly Measure[]): Measure {
  let numerator = 0;
  let denominator: number | null = 0;
  for (const m of states) {
    numerator += m.numerator;
    denominator = denominator === null || m.denominator === null ? null : denominator + m.denominator;
  }
  return { numerator, denominator: states.length === 0 ? 0 : denominator };
}
