import { daysBetween } from '../../../platform/src/util/dates.js';

/**
 * Early warning: how likely each open item is to miss its due date, from its slack at the state's observed pace
 * and the state's history. Pure functions on the progress engine's figures (never a second progress computation);
 * the method is explained in docs/early-warning.md, and the constants below are its only knobs.
 */
export const RISK_METHOD = Object.freeze({
  /** The observed pace is clamped to [min, max] × the planned pace: one outlier never says "infinitely fast". */
  paceMin: 0.1,
  paceMax: 4,
  /** A started item at 0 % counts as evidence of pace only after this many days (or 10 % of its duration). */
  stalledAfterDays: 7,
  /** Each returned report on the item weighs like this many days of slack lost. */
  pointsPerReturnedReport: 7,
  /** Each reporting round the state delivered late, or not at all once due, weighs like this many days. */
  pointsPerLateRound: 5,
  /** Returned reports count when the date they describe is within this many days before `asOf`. */
  returnedWindowDays: 180,
  /** Slack below this many days (but not negative) is `tight`. */
  tightSlackDays: 15,
  /** A state's score is the mean of its this-many riskiest items. */
  stateTopItems: 3,
});

/** What the engine says about one included item of a state as of `asOf` (from ItemProgress). */
export interface RiskItemFigures {
  itemId: string;
  plannedStart: string;
  plannedDue: string;
  /**
   * The item's dates before any re-planning. They measure its work (a re-planned deadline gives more time, not
   * more work), while the current dates say when it was due to start and when it is due.
   */
  originalStart: string;
  originalDue: string;
  /** Item progress 0–100. */
  progress: number;
  /** Set when the item is at 100. */
  completedOn: string | null;
}

/** A state's history as of `asOf`. */
export interface StateHistory {
  /** Returned reports per item id, dated within the window. */
  returnedByItem: ReadonlyMap<string, number>;
  /** Reporting rounds due by `asOf` that the state delivered after their due date. */
  lateRounds: number;
  /** Reporting rounds due by `asOf` that the state has not delivered. */
  missedRounds: number;
}

/** The state's observed pace: actual speed ÷ planned speed, the median over items with evidence. */
export interface Pace {
  /** 1 = as planned, 0.5 = half as fast; clamped to [paceMin, paceMax]. */
  ratio: number;
  /** How many items it was observed on; 0 means none yet, and the planned pace (1) is assumed. */
  sample: number;
}

export type RiskBand = 'overdue' | 'projected_late' | 'tight' | 'comfortable';

export interface ItemRisk {
  itemId: string;
  /** Due − asOf (negative when overdue). */
  daysLeft: number;
  /** Days the remaining work takes at the state's pace. */
  daysNeeded: number;
  /** daysLeft − daysNeeded: how many days to spare (negative: projected that many days late). */
  slack: number;
  returnedReports: number;
  /** −slack + points for returned reports and for the state's late or missed rounds: higher is riskier. */
  score: number;
  band: RiskBand;
}

export interface StateRisk {
  stateCode: string;
  /** Mean of the scores of its `stateTopItems` riskiest open items; null when it has none open. */
  score: number | null;
  openItems: number;
  /** Open items projected to miss their due date (overdue ones included). */
  projectedLate: number;
  /** The item with the highest score. */
  worst: ItemRisk | null;
}

/** The item's work in days at the planned pace (at least 1: a same-day item still takes a day of work). */
function workDays(item: Pick<RiskItemFigures, 'originalStart' | 'originalDue'>): number {
  return Math.max(1, daysBetween(item.originalStart, item.originalDue));
}

/**
 * Actual ÷ planned speed, per item that shows it: finished items (their work over start → completion), items in
 * progress (work done over start → asOf) and items stalled at 0 % long enough to say so (speed 0). The median
 * resists one odd item.
 */
export function observedPace(items: readonly RiskItemFigures[], asOf: string): Pace {
  const ratios: number[] = [];
  for (const item of items) {
    const end = item.progress >= 100 && item.completedOn ? item.completedOn : asOf;
    const elapsed = daysBetween(item.plannedStart, end);
    if (elapsed <= 0 && item.progress < 100) continue; // not started yet: says nothing
    if (item.progress <= 0 && elapsed < Math.max(RISK_METHOD.stalledAfterDays, 0.1 * workDays(item))) continue;
    // Work done, in days at the planned pace, over the days it took.
    ratios.push(((item.progress / 100) * workDays(item)) / Math.max(1, elapsed));
  }
  if (ratios.length === 0) return { ratio: 1, sample: 0 };
  return { ratio: clamp(median(ratios), RISK_METHOD.paceMin, RISK_METHOD.paceMax), sample: ratios.length };
}

/** One open item (progress < 100) at the given pace, with the state's history. */
export function assessItem(item: RiskItemFigures, pace: Pace, history: StateHistory, asOf: string): ItemRisk {
  const daysLeft = daysBetween(asOf, item.plannedDue);
  const daysNeeded = ((100 - item.progress) / 100) * workDays(item) / pace.ratio;
  const slack = daysLeft - daysNeeded;
  const returnedReports = history.returnedByItem.get(item.itemId) ?? 0;
  const score = -slack + RISK_METHOD.pointsPerReturnedReport * returnedReports + RISK_METHOD.pointsPerLateRound * (history.lateRounds + history.missedRounds);
  return { itemId: item.itemId, daysLeft, daysNeeded, slack, returnedReports, score, band: band(daysLeft, slack) };
}

function band(daysLeft: number, slack: number): RiskBand {
  if (daysLeft < 0) return 'overdue';
  if (slack < 0) return 'projected_late';
  if (slack < RISK_METHOD.tightSlackDays) return 'tight';
  return 'comfortable';
}

/** Every open item of one state, riskiest first, and the state's own figure. */
export function assessState(stateCode: string, items: readonly RiskItemFigures[], history: StateHistory, asOf: string): { pace: Pace; items: ItemRisk[]; state: StateRisk } {
  const pace = observedPace(items, asOf);
  const assessed = rankItems(items.filter((i) => i.progress < 100).map((i) => assessItem(i, pace, history, asOf)));
  const top = assessed.slice(0, RISK_METHOD.stateTopItems);
  return {
    pace,
    items: assessed,
    state: {
      stateCode,
      score: top.length ? top.reduce((s, r) => s + r.score, 0) / top.length : null,
      openItems: assessed.length,
      projectedLate: assessed.filter((r) => r.slack < 0).length,
      worst: assessed[0] ?? null,
    },
  };
}

/** Riskiest first: higher score, then less slack, then the earlier due (fewer days left), then id for a total order. */
export function rankItems<T extends ItemRisk>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.score - a.score || a.slack - b.slack || a.daysLeft - b.daysLeft || a.itemId.localeCompare(b.itemId));
}

/** Riskiest first; states with nothing open last, by code. */
export function rankStates<T extends StateRisk>(states: readonly T[]): T[] {
  return [...states].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.stateCode.localeCompare(b.stateCode));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
