/**
 * Baselines, targets and how a value stands against them (pure; see README.md "Targets"). Values are unrounded;
 * round at the edge. Dates are `YYYY-MM-DD` strings.
 */
import { daysBetween } from '../../../platform/src/util/dates.js';
import type { IndicatorDirection } from '../programs/indicator.entity.js';

export const INDICATOR_STATUSES = ['met', 'on_track', 'behind'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Float noise tolerated when comparing a value with a target or with the straight line. */
const EPSILON = 1e-9;

export interface DatedValue {
  value: number;
  /** null: a target that holds for every period, or a baseline without a date. */
  date: string | null;
}

/** How a value stands against its target as of a date. */
export interface TargetJudgement {
  /** Where the straight line from the baseline to the target is at `asOf` (the target itself when no line can be drawn). */
  expectedNow: number | null;
  /** 0–100: how far the value went from the baseline to the target (see `achievement`). */
  achievement: number | null;
  status: IndicatorStatus | null;
}

/**
 * The target that applies at `asOf`, among the targets of one scope: the nearest dated one on or after `asOf`;
 * when all dated ones are past, the latest of them; when none is dated, the undated ("every period") one.
 */
export function selectTarget<T extends DatedValue>(targets: readonly T[], asOf: string): T | null {
  let future: T | null = null;
  let past: T | null = null;
  let undated: T | null = null;
  for (const t of targets) {
    if (t.date === null) undated ??= t;
    else if (t.date >= asOf) {
      if (future === null || t.date < future.date!) future = t;
    } else if (past === null || t.date > past.date!) past = t;
  }
  return future ?? past ?? undated;
}

/** The value reached the target, in the indicator's direction. */
export function reached(value: number, target: number, direction: IndicatorDirection): boolean {
  return direction === 'down' ? value <= target + EPSILON : value >= target - EPSILON;
}

/**
 * The straight line from (baseline value, baseline date) to (target value, target date), read at `asOf` and clamped
 * to the segment (the baseline before its date, the target after its date). Undated targets, and targets without a
 * dated baseline before them, have no line: the expectation is the target value itself.
 */
export function expectedNow(baseline: DatedValue | null, target: DatedValue, asOf: string): number {
  if (target.date === null || baseline === null || baseline.date === null || baseline.date >= target.date) return target.value;
  const span = daysBetween(baseline.date, target.date);
  const elapsed = Math.min(span, Math.max(0, daysBetween(baseline.date, asOf)));
  return baseline.value + ((target.value - baseline.value) * elapsed) / span;
}

/**
 * Achievement in percent, clamped to [0, 100]:
 * - with a baseline: the share of the way from the baseline to the target covered, (value − baseline) / (target −
 *   baseline), which respects the direction by itself (for `down` both differences are negative); a target equal to
 *   the baseline is 100 when reached and 0 otherwise;
 * - without one: value / target for `up`, target / value for `down` (100 when reached, e.g. a zero target met).
 */
export function achievement(value: number, baseline: number | null, target: number, direction: IndicatorDirection): number {
  if (reached(value, target, direction)) return 100;
  let ratio: number;
  if (baseline !== null) ratio = target === baseline ? 0 : (value - baseline) / (target - baseline);
  else if (direction === 'up') ratio = target === 0 ? 1 : value / target;
  else ratio = value === 0 ? 1 : target / value;
  return Math.min(100, Math.max(0, 100 * ratio));
}

/**
 * `met` when the value reached the target; `on_track` when it is at or beyond the straight-line expectation at `asOf`;
 * `behind` otherwise. Without a line (undated target, no dated baseline) the expectation is the target, so the
 * status is `met` or `behind`. A null value or no target gives nulls.
 */
export function judge(value: number | null, baseline: DatedValue | null, target: DatedValue | null, direction: IndicatorDirection, asOf: string): TargetJudgement {
  if (target === null) return { expectedNow: null, achievement: null, status: null };
  const expected = expectedNow(baseline, target, asOf);
  if (value === null) return { expectedNow: expected, achievement: null, status: null };
  const status: IndicatorStatus = reached(value, target.value, direction) ? 'met' : reached(value, expected, direction) ? 'on_track' : 'behind';
  return { expectedNow: expected, achievement: achievement(value, baseline?.value ?? null, target.value, direction), status };
}
