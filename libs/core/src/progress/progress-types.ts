/**
 * Inputs and outputs of the progress engine (SPEC §4). Plain data only: the engine never touches the database,
 * so the same functions serve the API, the scheduled snapshots, review rounds and the property tests.
 * Dates are `YYYY-MM-DD` strings. Every percentage is 0–100 at full precision; round only at the edge (`round1`).
 */

export type ActivityLevel = 'state' | 'institution';
export type ReviewState = 'submitted' | 'accepted' | 'returned';
export type ReportStatus = 'not_started' | 'in_progress' | 'completed' | 'blocked';

export const TRAFFIC_LIGHTS = ['completed', 'on_track', 'at_risk', 'off_track'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

/** Schedule-variance limits in percentage points: SV < atRisk is at risk, SV < offTrack is off track. */
export interface ProgressThresholds {
  atRisk: number;
  offTrack: number;
}

export const DEFAULT_THRESHOLDS: Readonly<ProgressThresholds> = Object.freeze({ atRisk: -5, offTrack: -15 });

/** Anything with a join date and an optional exit date (participations, institutions). */
export interface DatedMembership {
  joinedOn: string;
  exitedOn: string | null;
}

export interface ParticipationInput extends DatedMembership {
  stateCode: string;
}

export interface InstitutionInput extends DatedMembership {
  id: string;
}

export interface PlanItemInput {
  itemId: string;
  activityCode: string;
  phaseNumber: number;
  level: ActivityLevel;
  /** The activity's weight (> 0). */
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  /**
   * The dates computed when the state joined (the baseline, or original plan). Equal to the planned dates until a
   * re-plan moves those; the baseline figures (`expectedBaseline`, `varianceBaseline`) are the expected progress
   * and variance computed by the same rules with these dates as the plan.
   */
  originalStart: string;
  originalDue: string;
}

export interface ReportInput {
  id: string;
  itemId: string;
  /** The institution for institution-level items; ignored on state-level items. */
  institutionId: string | null;
  status: ReportStatus;
  percent: number;
  /** The date the report describes (not when it was entered). */
  reportedOn: string;
  /**
   * Tie-break between reports of one unit with the same `reportedOn`: the later one wins. A timestamp (Date,
   * ISO string or epoch milliseconds) or any monotonically increasing number. Equal values fall back to `id`.
   */
  createdAt: Date | string | number;
  reviewState: ReviewState;
}

/** Everything about one state in one program that its progress depends on. */
export interface StateProgressInput {
  participation: ParticipationInput;
  items: readonly PlanItemInput[];
  institutions: readonly InstitutionInput[];
  reports: readonly ReportInput[];
}

/**
 * What one unit's reports amount to as of some date `d`: its current and validated report and its completion
 * date (SPEC §4), as `unitSnapshot` computes them from the unit's reports. A store that maintains these per unit
 * (over all reports) can feed `computeStateProgressFromUnits` instead of the report history, for any `t` ≥ the
 * date of every counting report of the unit (then the snapshot as of `d` equals the snapshot as of `t`).
 */
export interface UnitSnapshot {
  itemId: string;
  /** The institution on institution-level items; null for the state-level unit. */
  institutionId: string | null;
  current: ReportRef | null;
  validated: ReportRef | null;
  /** Earliest reportedOn of the latest unbroken run of counting reports at 100; null when current < 100. */
  completedOn: string | null;
}

/**
 * One unit's snapshot over the dates `[validFrom, validTo)` (`validTo` null: open-ended). A unit's snapshot only
 * changes on the dates of its counting reports, so its history is one step per such date (see `unitSteps`).
 */
export interface UnitStep {
  validFrom: string;
  validTo: string | null;
  snapshot: UnitSnapshot;
}

/** Like `StateProgressInput`, with per-unit snapshots in place of the reports. */
export interface StateUnitsInput {
  participation: ParticipationInput;
  items: readonly PlanItemInput[];
  institutions: readonly InstitutionInput[];
  units: readonly UnitSnapshot[];
}

/** One institution's own progress: the weighted mean of its units over the included institution-level items. */
export interface InstitutionProgress {
  institutionId: string;
  progress: number;
  validatedProgress: number;
  /** Included institution-level items (the denominator); 0 means the figures are 0 by definition. */
  items: number;
  /** Of those, the ones this institution completed (its unit at 100). */
  completedItems: number;
}

export interface ProgressOptions {
  /** Also return, per item, its units with their current and validated reports (`ItemProgress.units`). */
  explain?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Outputs. Plain JSON-able objects (no Maps, no class instances), so an HTTP layer can return them as they are
// (after `roundStateProgress` / `roundNationalProgress` from progress-rounding.ts).

export interface ReportRef {
  id: string;
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  reviewState: ReviewState;
}

/** A state-level item (institutionId null) or one institution on an institution-level item. */
export interface UnitProgress {
  institutionId: string | null;
  progress: number;
  validatedProgress: number;
  /** Date the unit reached its current 100 (see `unitCompletionDate`); null when its progress is below 100. */
  completedOn: string | null;
  currentReport: ReportRef | null;
  validatedReport: ReportRef | null;
}

export interface ItemProgress {
  itemId: string;
  activityCode: string;
  phaseNumber: number;
  level: ActivityLevel;
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  originalStart: string;
  originalDue: string;
  progress: number;
  validatedProgress: number;
  expected: number;
  variance: number;
  /** Expected progress against the original dates: `expectedProgress` fed originalStart/originalDue. */
  expectedBaseline: number;
  /** progress − expectedBaseline, percentage points. */
  varianceBaseline: number;
  /** The traffic light applied to the item's own progress and variance. */
  status: TrafficLight;
  /** Included, `asOf` > plannedDue and progress < 100. Excluded items are never overdue. */
  overdue: boolean;
  /** `asOf` − plannedDue in days when overdue, otherwise null. */
  daysLate: number | null;
  /** Latest completion date of the item's units, when the item is at 100; otherwise null. */
  completedOn: string | null;
  /** completedOn ≤ plannedDue. */
  completedOnTime: boolean;
  /** Institution-level item with no institution active at `asOf` (its progress is 0). */
  noInstitutions: boolean;
  /** Institutions active at `asOf` that this item averages over (institution-level); null for state-level. */
  institutions: number | null;
  /** Present only with `{ explain: true }`: the state unit, or one unit per active institution (input order). */
  units?: UnitProgress[];
}

/** The arithmetic behind a weighted figure, over included items only. */
export interface WeightedSums {
  includedItems: number;
  /** Σ wᵢ */
  sumWeights: number;
  /** Σ wᵢ·pᵢ */
  sumWeightedProgress: number;
  /** Σ wᵢ·vᵢ (validated progress) */
  sumWeightedValidatedProgress: number;
  /** Σ wᵢ·eᵢ */
  sumWeightedExpected: number;
  /** Σ wᵢ·eᵢ against the original dates */
  sumWeightedExpectedBaseline: number;
}

export interface ProgressFigures {
  /** P = Σw·p / Σw (0 when no item is included). */
  progress: number;
  validatedProgress: number;
  /** E = Σw·e / Σw (0 when no item is included). */
  expected: number;
  /** SV = P − E, percentage points. */
  variance: number;
  /** E against the original (baseline) dates: Σw·e₀ / Σw over the same included items. */
  expectedBaseline: number;
  /** P − expectedBaseline, percentage points. The traffic light stays on SV. */
  varianceBaseline: number;
  status: TrafficLight;
}

export interface PhaseProgress extends ProgressFigures {
  phaseNumber: number;
  /** All of the phase's items, included or not. */
  items: number;
  arithmetic: WeightedSums;
}

export interface StateProgress extends ProgressFigures {
  stateCode: string;
  asOf: string;
  /** Participation active at `asOf`; a state that is not participating is left out of national figures. */
  participating: boolean;
  joinedOn: string;
  exitedOn: string | null;
  /** Institutions active at `asOf`. */
  institutions: number;
  /** Included items at 100. */
  completedItems: number;
  overdueItems: number;
  /** Included items with plannedDue ≤ asOf. */
  dueItems: number;
  /** Of `dueItems`, those completed on time. */
  completedOnTimeItems: number;
  /** 100 · completedOnTimeItems / dueItems, in percent like every other figure; null when no item is due. */
  onTimeRate: number | null;
  arithmetic: WeightedSums;
  /** Ascending phase number. */
  phases: PhaseProgress[];
  /** By phase number, then activity code (numeric-aware: 4.9 before 4.10). */
  items: ItemProgress[];
}

export interface StateProgressSummary extends ProgressFigures {
  stateCode: string;
  institutions: number;
  overdueItems: number;
  onTimeRate: number | null;
}

export type TrafficLightDistribution = Record<TrafficLight, number>;

export interface NationalFigures {
  /** Plain mean of the participating states' P; null when no state participates at `asOf`. */
  progress: number | null;
  validatedProgress: number | null;
  expected: number | null;
  variance: number | null;
  /** Plain mean of the participating states' expectedBaseline. */
  expectedBaseline: number | null;
  /** progress − expectedBaseline. */
  varianceBaseline: number | null;
  status: TrafficLight | null;
  /** Participating states. */
  states: number;
  /** Institutions active at `asOf` in participating states. */
  institutions: number;
  overdueItems: number;
  /** Participating states per traffic light. */
  distribution: TrafficLightDistribution;
}

/**
 * One phase nationally: the plain mean of the phase's P (V, E) over the participating states whose plan includes
 * at least one of the phase's items (each such state weighs the same, like national P). Null figures when no
 * participating state includes any item of the phase.
 */
export interface NationalPhaseProgress {
  phaseNumber: number;
  /** Participating states the means are over. */
  states: number;
  progress: number | null;
  validatedProgress: number | null;
  expected: number | null;
  variance: number | null;
  expectedBaseline: number | null;
  varianceBaseline: number | null;
  status: TrafficLight | null;
}

export interface NationalArithmetic {
  states: number;
  /** Σ P over participating states */
  sumProgress: number;
  sumValidatedProgress: number;
  /** Σ E over participating states */
  sumExpected: number;
  /** Σ E against the original dates over participating states */
  sumExpectedBaseline: number;
}

export interface NationalProgress {
  asOf: string;
  thresholds: ProgressThresholds;
  national: NationalFigures;
  /** Participating states only, by state code; with `arithmetic` this is the national explanation. */
  states: StateProgressSummary[];
  arithmetic: NationalArithmetic;
}
