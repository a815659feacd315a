// Response shapes of the Rumbo API (SPEC.md §5). Only what the dashboard reads.

export type Role = 'admin' | 'coordinator' | 'state_officer' | 'reviewer';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  stateCode: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface StateInfo {
  code: string;
  name: string;
  shortName: string;
  abbreviation: string;
}

export interface ProgramSummary {
  id: string;
  code: string;
  name: string;
  status?: 'draft' | 'active' | 'closed';
  timeZone?: string;
}

export interface Phase {
  number: number;
  name: string;
}

export interface Activity {
  code: string;
  phase: number;
  name: string;
  level: 'state' | 'institution';
  optional: boolean;
  weight: number;
  /** Evidence kinds the activity expects (`document`, `url`, `dataset`). */
  evidenceKinds?: EvidenceKind[];
  /** Named numeric metrics a report on it may carry (e.g. `personas_sensibilizadas`). */
  metrics?: string[];
}

export interface ProgramDetail extends ProgramSummary {
  description?: string | null;
  /** Today in the program's time zone, by the API's clock. */
  today: string;
  phases: Phase[];
  activities: Activity[];
}

export interface Participation {
  stateCode: string;
  stateName?: string;
  joinedOn: string;
  exitedOn: string | null;
}

export interface PlanItem {
  activityCode: string;
  activityName: string;
  /** Phase number (an object `{ number, name }` is accepted too). */
  phase: number | { number: number; name?: string };
  level: 'state' | 'institution';
  optional: boolean;
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  originalStart: string;
  originalDue: string;
  replanned: boolean;
  version: number;
}

/** `GET /programs/:programId/states/:stateCode/plan`. */
export interface StatePlan {
  programId?: string;
  programCode?: string;
  stateCode: string;
  stateName?: string;
  joinedOn?: string;
  exitedOn?: string | null;
  items: PlanItem[];
}

export interface PlanChange {
  included?: boolean;
  plannedStart?: string;
  plannedDue?: string;
  justification: string;
  version: number;
}

export type GovernmentOrder = 'federal' | 'state' | 'municipal';

export interface Institution {
  id: string;
  name: string;
  acronym: string | null;
  order: GovernmentOrder;
  joinedOn: string;
  exitedOn: string | null;
}

export interface NewInstitution {
  name: string;
  acronym?: string;
  order: GovernmentOrder;
  joinedOn?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Reports, evidence and review

export type ReportStatus = 'not_started' | 'in_progress' | 'completed' | 'blocked';
export type ReviewState = 'submitted' | 'accepted' | 'returned';
export type EvidenceKind = 'url' | 'dataset' | 'document';

export interface EvidenceInput {
  kind: EvidenceKind;
  title: string;
  url?: string;
  fileId?: string;
  highValue?: boolean;
  format?: string;
  licence?: string;
}

export interface NewReport {
  activityCode: string;
  institutionId?: string;
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  narrative?: string;
  metrics?: Record<string, number>;
  evidence?: EvidenceInput[];
}

export interface Evidence {
  kind: EvidenceKind;
  title: string;
  url: string | null;
  fileId: string | null;
  fileName: string | null;
  highValue: boolean;
  format: string | null;
  licence: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Report {
  id: string;
  stateCode: string;
  activityCode: string;
  activityName: string;
  institutionId: string | null;
  institutionName: string | null;
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  narrative: string | null;
  metrics: Record<string, number>;
  evidence: Evidence[];
  reviewState: ReviewState;
  reviewReason: string | null;
  reviewedBy: PersonRef | null;
  reviewedAt: string | null;
  createdAt: string;
  author: PersonRef;
}

export interface ReportPage {
  total: number;
  items: Report[];
}

export interface QueuedReport extends Report {
  stateName: string;
}

export interface ReviewQueue {
  total: number;
  items: QueuedReport[];
}

export interface ItemHistory {
  activityCode: string;
  activityName: string;
  level: 'state' | 'institution';
  included: boolean;
  asOf: string;
  reports: (Report & { current: boolean })[];
}

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

// ---------------------------------------------------------------------------------------------------------
// Progress (SPEC §4): figures as of a date, rounded to one decimal by the API

export type TrafficLight = 'completed' | 'on_track' | 'at_risk' | 'off_track';

export interface Thresholds {
  atRisk: number;
  offTrack: number;
}

export interface NationalFigures {
  progress: number | null;
  validatedProgress: number | null;
  expected: number | null;
  variance: number | null;
  status: TrafficLight | null;
  states: number;
  institutions: number;
  overdueItems: number;
  completedItems?: number;
  distribution?: Record<TrafficLight, number>;
}

/** The figures the progress API gives for a state, a phase or an activity, rounded there. */
export interface ProgressFigures {
  progress: number;
  validatedProgress: number;
  expected: number;
  variance: number;
  status: TrafficLight;
}

export interface StateFigures extends ProgressFigures {
  stateCode: string;
  stateName: string;
  overdueItems: number;
  onTimeRate: number | null;
  institutions?: number;
  completedItems?: number;
  dueItems?: number;
  includedItems?: number;
}

export interface NationalProgress {
  programCode?: string;
  asOf: string;
  thresholds?: Thresholds;
  national: NationalFigures;
  states: StateFigures[];
}

export interface PhaseProgress extends ProgressFigures {
  phaseNumber: number;
  phaseName: string;
  items: number;
}

export interface ItemProgress extends ProgressFigures {
  activityCode: string;
  activityName: string;
  phaseNumber: number;
  level: 'state' | 'institution';
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  overdue: boolean;
  daysLate: number | null;
  completedOn?: string | null;
  noInstitutions?: boolean;
  institutions?: number | null;
}

export interface InstitutionProgress {
  id: string;
  name: string;
  acronym: string | null;
  progress: number;
  validatedProgress: number;
  items: number;
  completedItems: number;
}

export interface StateProgress extends ProgressFigures {
  asOf: string;
  stateCode: string;
  stateName: string;
  participating: boolean;
  thresholds?: Thresholds;
  overdueItems: number;
  onTimeRate: number | null;
  completedItems: number;
  dueItems: number;
  completedOnTimeItems?: number;
  includedItems: number;
  activeInstitutions?: number;
  phases: PhaseProgress[];
  items: ItemProgress[];
  institutions: InstitutionProgress[];
}

export interface ReportRef {
  id: string;
  status: string;
  percent: number;
  reportedOn: string;
  reviewState: string;
}

export interface UnitExplanation {
  institutionId: string | null;
  institutionName: string | null;
  progress: number;
  validatedProgress: number;
  completedOn: string | null;
  currentReport: ReportRef | null;
  validatedReport: ReportRef | null;
}

export interface ItemExplanation {
  activityCode: string;
  activityName: string;
  phaseNumber: number;
  level: 'state' | 'institution';
  included: boolean;
  weight: number;
  plannedStart: string;
  plannedDue: string;
  progress: number;
  validatedProgress: number;
  expected: number;
  weightedProgress: number;
  weightedExpected: number;
  noInstitutions: boolean;
  units: UnitExplanation[];
}

export interface StateArithmetic {
  includedItems: number;
  sumWeights: number;
  sumWeightedProgress: number;
  sumWeightedValidatedProgress: number;
  sumWeightedExpected: number;
}

export interface StateExplanation {
  scope: 'state';
  asOf: string;
  stateCode: string;
  stateName: string;
  participating: boolean;
  formulas: string[];
  figures: Omit<StateFigures, 'stateCode' | 'stateName'>;
  arithmetic: StateArithmetic;
  items: ItemExplanation[];
}

export interface NationalExplanation {
  scope: 'national';
  asOf: string;
  formulas: string[];
  figures: NationalFigures;
  arithmetic: { states: number; sumProgress: number; sumValidatedProgress: number; sumExpected: number };
  states: { stateCode: string; stateName: string; progress: number; validatedProgress: number; expected: number; status: TrafficLight; arithmetic: StateArithmetic }[];
}

export interface SnapshotPoint {
  date: string;
  progress: number | null;
  validatedProgress: number | null;
  expected: number | null;
  variance: number | null;
  status: TrafficLight | null;
}

export interface SnapshotSeries {
  scope: string;
  points: SnapshotPoint[];
}

export type NotificationKind = 'overdue' | 'due_soon';

export interface Notification {
  id: string;
  stateCode: string;
  stateName: string;
  activityCode: string;
  activityName: string;
  kind: NotificationKind;
  dueOn: string;
  detectedOn: string;
  progress: number;
  message: string;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// Reporting rounds

export interface RoundFigures {
  expected: number;
  submitted: number;
  onTime: number;
  completeness: number | null;
  timeliness: number | null;
}

export type RoundPhase = 'upcoming' | 'in_period' | 'open' | 'closed';
export type StateRoundStatus = 'not_expected' | 'pending' | 'submitted' | 'late' | 'overdue';

export interface ReportingRound extends RoundFigures {
  id: string;
  code: string;
  name: string | null;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  phase: RoundPhase;
  due: boolean;
}

export interface ReportingRoundList {
  asOf: string;
  national: RoundFigures;
  rounds: ReportingRound[];
}

export interface StateRound {
  code: string;
  name: string | null;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  expected: boolean;
  status: StateRoundStatus;
  submittedOn: string | null;
  submittedAt: string | null;
  onTime: boolean;
  summary: string | null;
  submittedBy: PersonRef | null;
}

export interface StateRounds {
  stateCode: string;
  stateName: string;
  asOf: string;
  totals: RoundFigures;
  rounds: StateRound[];
}

export interface RoundStateRow {
  stateCode: string;
  stateName: string;
  expected: boolean;
  status: StateRoundStatus;
  submittedOn: string | null;
  submittedAt: string | null;
  onTime: boolean;
  summary?: string;
  submittedBy?: PersonRef;
}

/** `GET /programs/:p/reporting-rounds/:code?asOf=`: the round and a row per participating state. */
export interface ReportingRoundDetail extends ReportingRound {
  asOf: string;
  states: RoundStateRow[];
}

// ---------------------------------------------------------------------------------------------------------
// Indicators (values, targets and status as of a date; rounded to one decimal by the API)

export type IndicatorStatus = 'met' | 'on_track' | 'behind';
export type IndicatorUnit = 'count' | 'percent';

export interface DatedValue {
  value: number;
  /** null: a target for every period (or an undated baseline). */
  date: string | null;
}

/** An indicator against its target at a date, in one scope (live or frozen in a review round alike). */
export interface IndicatorValue {
  value: number | null;
  baseline: DatedValue | null;
  target: DatedValue | null;
  expectedNow: number | null;
  achievement: number | null;
  status: IndicatorStatus | null;
}

export interface IndicatorFigure extends IndicatorValue {
  code: string;
  name: string;
  definition: string | null;
  unit: IndicatorUnit;
  direction: 'up' | 'down';
  kind: string;
  params: Record<string, unknown>;
  /** `national` or a state code. */
  scope: string;
}

/** `GET /programs/:p/indicators?asOf=&stateCode=`. */
export interface IndicatorList {
  programId: string;
  programCode: string;
  asOf: string;
  scope: string;
  participating?: boolean;
  indicators: IndicatorFigure[];
}

export interface IndicatorSeriesPoint {
  date: string;
  value: number | null;
  /** `snapshot`: the daily snapshot of that date; `computed`: computed now as of that date. */
  source: 'snapshot' | 'computed';
}

/** `GET /programs/:p/indicators/:code/series?stateCode=&from=&to=`. */
export interface IndicatorSeries {
  indicatorCode: string;
  unit: IndicatorUnit;
  direction: 'up' | 'down';
  scope: string;
  from: string;
  to: string;
  baseline: DatedValue | null;
  targets: DatedValue[];
  points: IndicatorSeriesPoint[];
}

// ---------------------------------------------------------------------------------------------------------
// Review rounds (frozen figures with findings)

export type ReviewRoundStatus = 'open' | 'closed';
export type FindingType = 'data_error' | 'missing_evidence' | 'delay' | 'other';

export interface Finding {
  id: string;
  number: number;
  /** `RR-2026-001/2`. */
  citation: string;
  type: FindingType;
  stateCode: string;
  activityCode: string | null;
  description: string;
  dueOn: string | null;
  createdAt: string;
  createdBy: PersonRef;
}

export interface ReviewRoundSummary {
  id: string;
  code: string;
  title: string;
  asOf: string;
  status: ReviewRoundStatus;
  createdAt: string;
  createdBy: PersonRef;
  closedAt: string | null;
  closedBy: PersonRef | null;
  agreementReference: string | null;
  /** Findings the caller may see (a state officer: its own state's). */
  findingCount: number;
}

export interface ReviewRoundList {
  programId: string;
  programCode: string;
  rounds: ReviewRoundSummary[];
}

export type FrozenIndicatorValue = IndicatorValue;

export interface FrozenIndicator {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: 'up' | 'down';
  kind: string;
  national: FrozenIndicatorValue;
  /** By state code: every state participating at the round's date. */
  states: Record<string, FrozenIndicatorValue>;
}

export interface FrozenState extends ProgressFigures {
  stateCode: string;
  stateName: string;
  joinedOn: string;
  exitedOn: string | null;
  institutions: number;
  includedItems: number;
  completedItems: number;
  overdueItems: number;
  dueItems: number;
  completedOnTimeItems: number;
  onTimeRate: number | null;
}

export interface FrozenFigures {
  asOf: string;
  progress: { national: NationalFigures; states: FrozenState[] };
  indicators: FrozenIndicator[];
}

export interface ReviewRoundDetail extends ReviewRoundSummary {
  figures: FrozenFigures;
  findings: Finding[];
}

export type FigureValue = number | string | boolean | null;

export interface FigureDifference {
  /** `national` or a state code. */
  scope: string;
  kind: 'progress' | 'item' | 'indicator';
  activityCode: string | null;
  indicatorCode: string | null;
  figure: string;
  frozen: FigureValue;
  live: FigureValue;
  delta: number | null;
  changed: boolean;
}

export interface ReviewRoundDifferences {
  code: string;
  frozenAsOf: string;
  liveAsOf: string;
  changed: number;
  differences: FigureDifference[];
}

// Early warning (GET /programs/:p/risks)

export type RiskBand = 'overdue' | 'projected_late' | 'tight' | 'comfortable';

export interface RiskReason {
  kind: 'overdue' | 'slack' | 'returned_reports' | 'late_rounds' | 'missed_rounds';
  points: number;
  text: string;
}

export interface ItemRisk {
  rank: number;
  stateCode: string;
  stateName: string;
  activityCode: string;
  activityName: string;
  phaseNumber: number;
  level: 'state' | 'institution';
  plannedStart: string;
  plannedDue: string;
  progress: number;
  daysLeft: number;
  daysNeeded: number;
  slack: number;
  score: number;
  band: RiskBand;
  reasons: RiskReason[];
}

export interface StateRisk {
  rank: number;
  stateCode: string;
  stateName: string;
  score: number | null;
  openItems: number;
  projectedLate: number;
  pace: number;
  paceSample: number;
  returnedReports: number;
  lateRounds: number;
  missedRounds: number;
  worstActivityCode: string | null;
}

export interface RiskRanking {
  asOf: string;
  stateCode: string | null;
  states: StateRisk[];
  totalItems: number;
  items: ItemRisk[];
}
