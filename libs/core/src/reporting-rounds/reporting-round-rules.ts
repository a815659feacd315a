/**
 * The pure rules of reporting rounds: who is expected, the status of a state in a round, the counts and
 * ratios, and the calendar quarters. No I/O; the service feeds them rows. Dates are `YYYY-MM-DD` strings.
 */
import { addDays } from '../../../platform/src/util/dates.js';

export interface RoundPeriod {
  periodStart: string;
  periodEnd: string;
}

export interface RoundDates extends RoundPeriod {
  dueOn: string;
}

export interface MembershipDates {
  joinedOn: string;
  exitedOn: string | null;
}

/**
 * A state is *expected* for a round when its participation was active on at least one day of the round's
 * period, with the same "active at t" as progress (`joinedOn ≤ t` and not exited by `t`, where the exit
 * date itself is the first day no longer counted):
 *
 *   joinedOn ≤ periodEnd  and  (exitedOn is null  or  exitedOn > max(joinedOn, periodStart))
 *
 * So a state that joined after the period ended is not expected; one that joined during the period is;
 * one that exited on or before periodStart is not; one that exited during the period is (it still owes
 * the report of the days it took part). A participation that exited the day it joined was never active.
 */
export function isExpected(p: MembershipDates, round: RoundPeriod): boolean {
  if (p.joinedOn > round.periodEnd) return false;
  if (p.exitedOn === null) return true;
  const firstDay = p.joinedOn > round.periodStart ? p.joinedOn : round.periodStart;
  return p.exitedOn > firstDay;
}

/** On time: submitted on or before the due date (the due date itself is on time). */
export function isOnTime(submittedOn: string, dueOn: string): boolean {
  return submittedOn <= dueOn;
}

/** A round counts in the totals as of `asOf` once it is due: `dueOn ≤ asOf`. Rounds not yet due are left out. */
export function isDueBy(round: Pick<RoundDates, 'dueOn'>, asOf: string): boolean {
  return round.dueOn <= asOf;
}

export const STATE_ROUND_STATUSES = ['not_expected', 'pending', 'submitted', 'late', 'overdue'] as const;
/**
 * Where a state stands in a round as of `asOf`: `not_expected` (not participating during the period),
 * `submitted` (on time), `late` (submitted after the due date), `overdue` (not submitted and the due date
 * has passed), `pending` (not submitted, due date not passed yet).
 */
export type StateRoundStatus = (typeof STATE_ROUND_STATUSES)[number];

export function stateRoundStatus(expected: boolean, round: Pick<RoundDates, 'dueOn'>, submittedOn: string | null, asOf: string): StateRoundStatus {
  if (submittedOn !== null && submittedOn <= asOf) return isOnTime(submittedOn, round.dueOn) ? 'submitted' : 'late';
  if (!expected) return 'not_expected';
  return asOf > round.dueOn ? 'overdue' : 'pending';
}

export const ROUND_PHASES = ['upcoming', 'in_period', 'open', 'closed'] as const;
/** Where a round stands as of `asOf`: before its period, during it, after it but not past due, past due. */
export type RoundPhase = (typeof ROUND_PHASES)[number];

export function roundPhase(round: RoundDates, asOf: string): RoundPhase {
  if (asOf < round.periodStart) return 'upcoming';
  if (asOf <= round.periodEnd) return 'in_period';
  if (asOf <= round.dueOn) return 'open';
  return 'closed';
}

/** Counts and ratios (percent 0–100, unrounded; null when nothing is expected). */
export interface RoundFigures {
  expected: number;
  submitted: number;
  onTime: number;
  /** submitted / expected, in percent. */
  completeness: number | null;
  /** submitted on or before the due date / expected, in percent. */
  timeliness: number | null;
}

/** One (round, state) pair: whether the state was expected and, if it submitted by `asOf`, when. */
export interface RoundStateCell {
  expected: boolean;
  dueOn: string;
  /** The submission date, or null when none was made by `asOf`. */
  submittedOn: string | null;
}

/**
 * Σ over the cells of expected pairs: a submission by a state that was not expected (it cannot be made
 * through the API, but participation dates may be corrected afterwards) counts neither above nor below.
 */
export function tally(cells: Iterable<RoundStateCell>): RoundFigures {
  let expected = 0;
  let submitted = 0;
  let onTime = 0;
  for (const c of cells) {
    if (!c.expected) continue;
    expected += 1;
    if (c.submittedOn === null) continue;
    submitted += 1;
    if (isOnTime(c.submittedOn, c.dueOn)) onTime += 1;
  }
  return { expected, submitted, onTime, completeness: percent(submitted, expected), timeliness: percent(onTime, expected) };
}

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

export interface QuarterRound extends RoundDates {
  code: string;
  name: string;
}

const QUARTER_NAMES = ['Primer', 'Segundo', 'Tercer', 'Cuarto'];
export const MAX_QUARTERS = 40;

/** The calendar quarter containing `date`: `{ year, quarter (1–4) }`. */
export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

/** Code `2025-Q1`, period 2025-01-01 – 2025-03-31, due `dueDays` calendar days after the quarter ends. */
export function quarterRound(year: number, quarter: number, dueDays: number): QuarterRound {
  const startMonth = (quarter - 1) * 3 + 1;
  const periodStart = `${String(year).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${String(startMonth + 3).padStart(2, '0')}-01`;
  const periodEnd = addDays(next, -1);
  return { code: `${year}-Q${quarter}`, name: `${QUARTER_NAMES[quarter - 1]} trimestre ${year}`, periodStart, periodEnd, dueOn: addDays(periodEnd, dueDays) };
}

/** Every calendar quarter that overlaps [from, to] (so `from` and `to` may fall mid-quarter), in order. */
export function quartersBetween(from: string, to: string, dueDays: number): QuarterRound[] {
  const first = quarterOf(from);
  const last = quarterOf(to);
  const out: QuarterRound[] = [];
  for (let y = first.year, q = first.quarter; y < last.year || (y === last.year && q <= last.quarter); q === 4 ? ((q = 1), (y += 1)) : (q += 1)) {
    out.push(quarterRound(y, q, dueDays));
  }
  return out;
}

/** How many quarters `quartersBetween(from, to)` would generate, without generating them. */
export function quarterCount(from: string, to: string): number {
  const a = quarterOf(from);
  const b = quarterOf(to);
  return (b.year - a.year) * 4 + (b.quarter - a.quarter) + 1;
}

/** The last calendar quarter that ended before `today` (periodEnd < today): the one before today's quarter. */
export function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const { year, quarter } = quarterOf(today);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}
