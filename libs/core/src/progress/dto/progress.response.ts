import { ApiProperty, OmitType } from '@nestjs/swagger';
import { round1 } from '../progress-math.js';
import { roundNationalProgress, roundStateProgress, roundStateSummary } from '../progress-rounding.js';
import { TRAFFIC_LIGHTS, type ActivityLevel, type ReportRef, type StateProgress, type TrafficLight } from '../progress-types.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../programs/activity.entity.js';
import type { ProgramProgress, StateProgressDetail } from '../progress-views.js';
import { tableCsv } from '../../../../platform/src/tables/csv.js';
import { stateFiguresTable } from '../progress-tables.js';

// Percentages are rounded to one decimal here, at the edge, and nowhere else (SPEC §4).

class ThresholdsResponse {
  @ApiProperty({ example: -5, description: 'SV below this is at risk' }) atRisk: number;
  @ApiProperty({ example: -15, description: 'SV below this is off track' }) offTrack: number;
}

class DistributionResponse {
  @ApiProperty() completed: number;
  @ApiProperty() on_track: number;
  @ApiProperty() at_risk: number;
  @ApiProperty() off_track: number;
}

export class NationalFiguresResponse {
  @ApiProperty({ nullable: true, type: Number, example: 42.7, description: 'Plain mean of the participating states’ P; null when none participates' }) progress: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Same, accepted reports only' }) validatedProgress: number | null;
  @ApiProperty({ nullable: true, type: Number }) expected: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'P − E in percentage points' }) variance: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Plain mean of the participating states’ expectedBaseline (expected progress against the original dates)' }) expectedBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'progress − expectedBaseline in percentage points (variance against the original plan)' }) varianceBaseline: number | null;
  @ApiProperty({ nullable: true, enum: TRAFFIC_LIGHTS }) status: TrafficLight | null;
  @ApiProperty({ description: 'States participating at asOf' }) states: number;
  @ApiProperty({ description: 'Institutions active at asOf in those states' }) institutions: number;
  @ApiProperty() overdueItems: number;
  @ApiProperty({ description: 'Included items at 100 %' }) completedItems: number;
  @ApiProperty({ type: DistributionResponse, description: 'Participating states per traffic light' }) distribution: Record<TrafficLight, number>;
}

export class StateFiguresResponse {
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ example: 55.3 }) progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty() expected: number;
  @ApiProperty() variance: number;
  @ApiProperty({ description: 'Expected progress against the original (baseline) dates: the same rule fed each item’s originalStart/originalDue' }) expectedBaseline: number;
  @ApiProperty({ description: 'progress − expectedBaseline in percentage points (variance against the original plan)' }) varianceBaseline: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS }) status: TrafficLight;
  @ApiProperty() overdueItems: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent of the items due by asOf completed by their due date; null when none is due' }) onTimeRate: number | null;
  @ApiProperty({ description: 'Institutions active at asOf' }) institutions: number;
  @ApiProperty() completedItems: number;
  @ApiProperty({ description: 'Included items due by asOf' }) dueItems: number;
  @ApiProperty() includedItems: number;
}

export class ExplainedStateFiguresResponse extends OmitType(StateFiguresResponse, ['stateCode', 'stateName'] as const) {}

export class NationalPhaseResponse {
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ example: 'Planeación' }) name: string;
  @ApiProperty({ description: 'Participating states whose plan includes at least one item of the phase: the means are over these' }) states: number;
  @ApiProperty({ nullable: true, type: Number, example: 61.4, description: 'Plain mean of those states’ phase P (each state weighs the same, like national P); null when no participating state includes an item of the phase' }) progress: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Same, accepted reports only' }) validatedProgress: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Plain mean of those states’ phase E' }) expected: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'P − E in percentage points' }) variance: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Plain mean of those states’ phase expectedBaseline (against the original dates)' }) expectedBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'progress − expectedBaseline in percentage points (variance against the original plan)' }) varianceBaseline: number | null;
  @ApiProperty({ nullable: true, enum: TRAFFIC_LIGHTS }) status: TrafficLight | null;
}

export class NationalProgressResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 'condatos-2024' }) programCode: string;
  @ApiProperty({ example: 'Programa de Implementación Modelo de la Política Nacional de Datos Abiertos' }) programName: string;
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ type: ThresholdsResponse }) thresholds: ThresholdsResponse;
  @ApiProperty({ type: NationalFiguresResponse }) national: NationalFiguresResponse;
  @ApiProperty({ type: [NationalPhaseResponse], description: 'Every phase of the program nationally, by number' }) phases: NationalPhaseResponse[];
  @ApiProperty({ type: [StateFiguresResponse], description: 'States participating at asOf, by state code' }) states: StateFiguresResponse[];
}

export class PhaseProgressResponse {
  @ApiProperty() phaseNumber: number;
  @ApiProperty({ example: 'Planeación' }) phaseName: string;
  @ApiProperty({ description: 'All of the phase’s items, included or not' }) items: number;
  @ApiProperty() progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty() expected: number;
  @ApiProperty() variance: number;
  @ApiProperty({ description: 'Expected progress against the original (baseline) dates: the same rule fed each item’s originalStart/originalDue' }) expectedBaseline: number;
  @ApiProperty({ description: 'progress − expectedBaseline in percentage points (variance against the original plan)' }) varianceBaseline: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS }) status: TrafficLight;
}

export class ItemProgressResponse {
  @ApiProperty({ example: '4.3' }) activityCode: string;
  @ApiProperty() activityName: string;
  @ApiProperty() phaseNumber: number;
  @ApiProperty({ enum: ['state', 'institution'] }) level: ActivityLevel;
  @ApiProperty() weight: number;
  @ApiProperty() included: boolean;
  @ApiProperty() plannedStart: string;
  @ApiProperty() plannedDue: string;
  @ApiProperty() originalStart: string;
  @ApiProperty() originalDue: string;
  @ApiProperty({ description: 'Dates or inclusion differ from the original plan' }) replanned: boolean;
  @ApiProperty() progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty() expected: number;
  @ApiProperty() variance: number;
  @ApiProperty({ description: 'e against originalStart/originalDue: 100 · clamp((asOf − originalStart) / (originalDue − originalStart), 0, 1)' }) expectedBaseline: number;
  @ApiProperty({ description: 'progress − expectedBaseline in percentage points (variance against the original plan)' }) varianceBaseline: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS }) status: TrafficLight;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: Number }) daysLate: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the item reached 100 % (latest of its units)' }) completedOn: string | null;
  @ApiProperty() completedOnTime: boolean;
  @ApiProperty({ description: 'Institution-level item with no active institution: its progress is 0' }) noInstitutions: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Institutions it averages over (institution-level items)' }) institutions: number | null;
}

export class InstitutionProgressResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) acronym: string | null;
  @ApiProperty({ enum: ['federal', 'state', 'municipal'] }) order: string;
  @ApiProperty() joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) exitedOn: string | null;
  @ApiProperty({ description: 'Weighted mean of its units over the included institution-level items' }) progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty({ description: 'Included institution-level items' }) items: number;
  @ApiProperty() completedItems: number;
}

export class StateProgressResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programCode: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ description: 'Participation active at asOf (a withdrawn state still explains itself)' }) participating: boolean;
  @ApiProperty() joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) exitedOn: string | null;
  @ApiProperty({ type: ThresholdsResponse }) thresholds: ThresholdsResponse;
  @ApiProperty() progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty() expected: number;
  @ApiProperty() variance: number;
  @ApiProperty({ description: 'Expected progress against the original (baseline) dates: the same rule fed each item’s originalStart/originalDue' }) expectedBaseline: number;
  @ApiProperty({ description: 'progress − expectedBaseline in percentage points (variance against the original plan)' }) varianceBaseline: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS }) status: TrafficLight;
  @ApiProperty() overdueItems: number;
  @ApiProperty({ nullable: true, type: Number }) onTimeRate: number | null;
  @ApiProperty() completedItems: number;
  @ApiProperty() dueItems: number;
  @ApiProperty() completedOnTimeItems: number;
  @ApiProperty() includedItems: number;
  @ApiProperty({ description: 'Institutions active at asOf' }) activeInstitutions: number;
  @ApiProperty({ type: [PhaseProgressResponse] }) phases: PhaseProgressResponse[];
  @ApiProperty({ type: [ItemProgressResponse], description: 'By phase, then activity code' }) items: ItemProgressResponse[];
  @ApiProperty({ type: [InstitutionProgressResponse], description: 'Institutions active at asOf, by name' }) institutions: InstitutionProgressResponse[];
}

// -----------------------------------------------------------------------------------------------------------
// Explanations

class ReportRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() status: string;
  @ApiProperty() percent: number;
  @ApiProperty() reportedOn: string;
  @ApiProperty() reviewState: string;
}

class CompletionFormatResponse {
  @ApiProperty({ example: 'F-01' }) code: string;
  @ApiProperty({ example: 'Formato de designación de enlaces' }) name: string;
}

class UnitExplanationResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: the state-level unit' }) institutionId: string | null;
  @ApiProperty({ nullable: true, type: String }) institutionName: string | null;
  @ApiProperty({ description: 'p: the current report’s percent, 0 without one' }) progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty({ nullable: true, type: String }) completedOn: string | null;
  @ApiProperty({ nullable: true, type: ReportRefResponse, description: 'Latest report dated ≤ asOf that is not returned (ties: later created)' }) currentReport: ReportRef | null;
  @ApiProperty({ nullable: true, type: ReportRefResponse, description: 'Same among accepted reports' }) validatedReport: ReportRef | null;
}

class ItemExplanationResponse {
  @ApiProperty() activityCode: string;
  @ApiProperty() activityName: string;
  @ApiProperty() phaseNumber: number;
  @ApiProperty({ enum: ['state', 'institution'] }) level: ActivityLevel;
  @ApiProperty() included: boolean;
  @ApiProperty({ description: 'w' }) weight: number;
  @ApiProperty() plannedStart: string;
  @ApiProperty() plannedDue: string;
  @ApiProperty({ description: 'The dates computed when the state joined (the baseline)' }) originalStart: string;
  @ApiProperty() originalDue: string;
  @ApiProperty({ description: 'p: the unit’s p, or the mean over active institutions' }) progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty({ description: 'e = 100 · clamp((asOf − start) / (due − start), 0, 1)' }) expected: number;
  @ApiProperty({ description: 'e₀: e with originalStart/originalDue as start and due' }) expectedBaseline: number;
  @ApiProperty({ description: 'w · p (0 when excluded)' }) weightedProgress: number;
  @ApiProperty({ description: 'w · e (0 when excluded)' }) weightedExpected: number;
  @ApiProperty({ description: 'w · e₀ (0 when excluded)' }) weightedExpectedBaseline: number;
  @ApiProperty() noInstitutions: boolean;
  @ApiProperty({ enum: EVIDENCE_KINDS, isArray: true, description: 'Verifiable completion: a report says completed only with evidence of each of these kinds (empty: no such rule for the activity)' })
  completionEvidence: EvidenceKind[];
  @ApiProperty({ type: [CompletionFormatResponse], description: 'Verifiable completion: the formats a completed report must carry a document of (empty: none, or no such rule)' })
  completionFormats: CompletionFormatResponse[];
  @ApiProperty({ type: [UnitExplanationResponse] }) units: UnitExplanationResponse[];
}

class StateArithmeticResponse {
  @ApiProperty() includedItems: number;
  @ApiProperty({ description: 'Σ w' }) sumWeights: number;
  @ApiProperty({ description: 'Σ w·p' }) sumWeightedProgress: number;
  @ApiProperty({ description: 'Σ w·v' }) sumWeightedValidatedProgress: number;
  @ApiProperty({ description: 'Σ w·e' }) sumWeightedExpected: number;
  @ApiProperty({ description: 'Σ w·e₀ (against the original dates)' }) sumWeightedExpectedBaseline: number;
}

export class StateExplanationResponse {
  @ApiProperty({ enum: ['state'] }) scope: 'state';
  @ApiProperty() programCode: string;
  @ApiProperty() asOf: string;
  @ApiProperty() stateCode: string;
  @ApiProperty() stateName: string;
  @ApiProperty() participating: boolean;
  @ApiProperty({ type: [String] }) formulas: string[];
  @ApiProperty({ type: ExplainedStateFiguresResponse, description: 'The state’s figures (its code and name are above)' }) figures: ExplainedStateFiguresResponse;
  @ApiProperty({ type: StateArithmeticResponse }) arithmetic: StateArithmeticResponse;
  @ApiProperty({ type: [ItemExplanationResponse] }) items: ItemExplanationResponse[];
}

class StateTermResponse {
  @ApiProperty() stateCode: string;
  @ApiProperty() stateName: string;
  @ApiProperty() progress: number;
  @ApiProperty() validatedProgress: number;
  @ApiProperty() expected: number;
  @ApiProperty({ description: 'E₀: E against the original dates' }) expectedBaseline: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS }) status: TrafficLight;
  @ApiProperty({ type: StateArithmeticResponse }) arithmetic: StateArithmeticResponse;
}

class NationalArithmeticResponse {
  @ApiProperty({ description: 'n: states participating at asOf' }) states: number;
  @ApiProperty({ description: 'Σ P' }) sumProgress: number;
  @ApiProperty({ description: 'Σ V' }) sumValidatedProgress: number;
  @ApiProperty({ description: 'Σ E' }) sumExpected: number;
  @ApiProperty({ description: 'Σ E₀ (against the original dates)' }) sumExpectedBaseline: number;
}

export class NationalExplanationResponse {
  @ApiProperty({ enum: ['national'] }) scope: 'national';
  @ApiProperty() programCode: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [String] }) formulas: string[];
  @ApiProperty({ type: NationalFiguresResponse }) figures: NationalFiguresResponse;
  @ApiProperty({ type: NationalArithmeticResponse }) arithmetic: NationalArithmeticResponse;
  @ApiProperty({ type: [StateTermResponse], description: 'Each participating state’s terms; explain one with ?stateCode=' }) states: StateTermResponse[];
}

// -----------------------------------------------------------------------------------------------------------
// Mapping

function stateNames(p: ProgramProgress): Map<string, string> {
  return new Map(p.participations.map((x) => [x.stateCode, x.stateName]));
}

function nationalFigures(p: ProgramProgress): NationalFiguresResponse {
  const n = roundNationalProgress(p.national).national;
  return {
    progress: n.progress,
    validatedProgress: n.validatedProgress,
    expected: n.expected,
    variance: n.variance,
    expectedBaseline: n.expectedBaseline,
    varianceBaseline: n.varianceBaseline,
    status: n.status,
    states: n.states,
    institutions: n.institutions,
    overdueItems: n.overdueItems,
    completedItems: p.states.reduce((sum, s) => sum + s.completedItems, 0),
    distribution: n.distribution,
  };
}

function stateFigures(s: StateProgress, stateName: string): StateFiguresResponse {
  const r = roundStateSummary(s);
  return {
    stateCode: s.stateCode,
    stateName,
    progress: r.progress,
    validatedProgress: r.validatedProgress,
    expected: r.expected,
    variance: r.variance,
    expectedBaseline: r.expectedBaseline,
    varianceBaseline: r.varianceBaseline,
    status: r.status,
    overdueItems: s.overdueItems,
    onTimeRate: r.onTimeRate,
    institutions: s.institutions,
    completedItems: s.completedItems,
    dueItems: s.dueItems,
    includedItems: s.arithmetic.includedItems,
  };
}

export function toNationalProgressResponse(p: ProgramProgress): NationalProgressResponse {
  const names = stateNames(p);
  return {
    programId: p.head.id,
    programCode: p.head.code,
    programName: p.head.name,
    asOf: p.asOf,
    thresholds: { ...p.head.thresholds },
    national: nationalFigures(p),
    phases: p.phases.map((ph) => ({
      number: ph.phaseNumber,
      name: p.phaseNames.get(ph.phaseNumber) ?? '',
      states: ph.states,
      progress: round1(ph.progress),
      validatedProgress: round1(ph.validatedProgress),
      expected: round1(ph.expected),
      variance: round1(ph.variance),
      expectedBaseline: round1(ph.expectedBaseline),
      varianceBaseline: round1(ph.varianceBaseline),
      status: ph.status,
    })),
    states: p.states.map((s) => stateFigures(s, names.get(s.stateCode)!)),
  };
}

const nameOrder = new Intl.Collator('es-MX', { sensitivity: 'base', numeric: true });

export function toStateProgressResponse(d: StateProgressDetail): StateProgressResponse {
  const s = roundStateProgress(d.progress);
  const phaseNames = new Map([...d.items.values()].map((i) => [i.phaseNumber, i.phaseName]));
  const byInstitution = new Map(d.institutionProgress.map((i) => [i.institutionId, i]));
  return {
    programId: d.head.id,
    programCode: d.head.code,
    asOf: d.asOf,
    stateCode: d.participation.stateCode,
    stateName: d.participation.stateName,
    participating: s.participating,
    joinedOn: s.joinedOn,
    exitedOn: s.exitedOn,
    thresholds: { ...d.head.thresholds },
    progress: s.progress,
    validatedProgress: s.validatedProgress,
    expected: s.expected,
    variance: s.variance,
    expectedBaseline: s.expectedBaseline,
    varianceBaseline: s.varianceBaseline,
    status: s.status,
    overdueItems: s.overdueItems,
    onTimeRate: s.onTimeRate,
    completedItems: s.completedItems,
    dueItems: s.dueItems,
    completedOnTimeItems: s.completedOnTimeItems,
    includedItems: s.arithmetic.includedItems,
    activeInstitutions: s.institutions,
    phases: s.phases.map((ph) => ({
      phaseNumber: ph.phaseNumber,
      phaseName: phaseNames.get(ph.phaseNumber) ?? '',
      items: ph.items,
      progress: ph.progress,
      validatedProgress: ph.validatedProgress,
      expected: ph.expected,
      variance: ph.variance,
      expectedBaseline: ph.expectedBaseline,
      varianceBaseline: ph.varianceBaseline,
      status: ph.status,
    })),
    items: s.items.map((i) => {
      const row = d.items.get(i.itemId)!;
      return {
        activityCode: i.activityCode,
        activityName: row.activityName,
        phaseNumber: i.phaseNumber,
        level: i.level,
        weight: i.weight,
        included: i.included,
        plannedStart: i.plannedStart,
        plannedDue: i.plannedDue,
        originalStart: i.originalStart,
        originalDue: i.originalDue,
        replanned: !i.included || i.plannedStart !== i.originalStart || i.plannedDue !== i.originalDue,
        progress: i.progress,
        validatedProgress: i.validatedProgress,
        expected: i.expected,
        variance: i.variance,
        expectedBaseline: i.expectedBaseline,
        varianceBaseline: i.varianceBaseline,
        status: i.status,
        overdue: i.overdue,
        daysLate: i.daysLate,
        completedOn: i.completedOn,
        completedOnTime: i.completedOnTime,
        noInstitutions: i.noInstitutions,
        institutions: i.institutions,
      };
    }),
    institutions: [...d.institutions]
      .sort((a, b) => nameOrder.compare(a.name, b.name))
      .map((inst) => {
        const f = byInstitution.get(inst.id)!;
        return {
          id: inst.id,
          name: inst.name,
          acronym: inst.acronym,
          order: inst.orderOfGovernment,
          joinedOn: inst.joinedOn,
          exitedOn: inst.exitedOn,
          progress: round1(f.progress),
          validatedProgress: round1(f.validatedProgress),
          items: f.items,
          completedItems: f.completedItems,
        };
      }),
  };
}

const STATE_FORMULAS = [
  'p (unit) = percent of its current report: the latest report dated ≤ asOf that is not returned (ties: the later created); 0 without one',
  'p (item) = p of its unit (state level), or the mean of p over the institutions active at asOf (institution level; 0 when none)',
  'P = Σ w·p / Σ w over included items; V likewise with accepted reports only; E = Σ w·e / Σ w',
  'e (item) = 100 · clamp((asOf − plannedStart) / (plannedDue − plannedStart), 0, 1); 100 from the start day when due = start',
  'SV = P − E; status: completed when P = 100, on_track when SV ≥ atRisk, at_risk when SV ≥ offTrack, otherwise off_track',
  'Baseline: e₀ (item) = e with originalStart/originalDue (the dates computed at joining) in place of the planned dates; E₀ = Σ w·e₀ / Σ w over the same included items; SV₀ = P − E₀',
];

export function toStateExplanation(d: StateProgressDetail): StateExplanationResponse {
  const s = roundStateProgress(d.progress);
  const full = d.progress;
  return {
    scope: 'state',
    programCode: d.head.code,
    asOf: d.asOf,
    stateCode: s.stateCode,
    stateName: d.participation.stateName,
    participating: s.participating,
    formulas: STATE_FORMULAS,
    figures: {
      progress: s.progress,
      validatedProgress: s.validatedProgress,
      expected: s.expected,
      variance: s.variance,
      expectedBaseline: s.expectedBaseline,
      varianceBaseline: s.varianceBaseline,
      status: s.status,
      overdueItems: s.overdueItems,
      onTimeRate: s.onTimeRate,
      institutions: s.institutions,
      completedItems: s.completedItems,
      dueItems: s.dueItems,
      includedItems: s.arithmetic.includedItems,
    },
    arithmetic: s.arithmetic,
    items: s.items.map((i, n) => {
      const exact = full.items[n];
      return {
        activityCode: i.activityCode,
        activityName: d.items.get(i.itemId)!.activityName,
        phaseNumber: i.phaseNumber,
        level: i.level,
        included: i.included,
        weight: i.weight,
        plannedStart: i.plannedStart,
        plannedDue: i.plannedDue,
        originalStart: i.originalStart,
        originalDue: i.originalDue,
        progress: i.progress,
        validatedProgress: i.validatedProgress,
        expected: i.expected,
        expectedBaseline: i.expectedBaseline,
        weightedProgress: exact.included ? round1(exact.weight * exact.progress) : 0,
        weightedExpected: exact.included ? round1(exact.weight * exact.expected) : 0,
        weightedExpectedBaseline: exact.included ? round1(exact.weight * exact.expectedBaseline) : 0,
        noInstitutions: i.noInstitutions,
        completionEvidence: d.items.get(i.itemId)!.completionEvidence,
        completionFormats: d.items.get(i.itemId)!.completionFormats,
        units: (i.units ?? []).map((u) => ({
          institutionId: u.institutionId,
          institutionName: u.institutionId === null ? null : (d.institutionNames.get(u.institutionId) ?? null),
          progress: u.progress,
          validatedProgress: u.validatedProgress,
          completedOn: u.completedOn,
          currentReport: u.currentReport,
          validatedReport: u.validatedReport,
        })),
      };
    }),
  };
}

const NATIONAL_FORMULAS = [
  'National P = Σ P / n over the n states participating at asOf (each state weighs the same); V, E and E₀ (against the original dates) likewise',
  'SV = P − E; the status uses the program’s thresholds like a state’s',
  'Each state’s P = Σ w·p / Σ w over its included items (explain a state with ?stateCode=)',
];

export function toNationalExplanation(p: ProgramProgress): NationalExplanationResponse {
  const names = stateNames(p);
  const rounded = roundNationalProgress(p.national);
  return {
    scope: 'national',
    programCode: p.head.code,
    asOf: p.asOf,
    formulas: NATIONAL_FORMULAS,
    figures: nationalFigures(p),
    arithmetic: rounded.arithmetic,
    states: p.states.map((s) => {
      const r = roundStateProgress({ ...s, items: [], phases: [] });
      return {
        stateCode: s.stateCode,
        stateName: names.get(s.stateCode)!,
        progress: r.progress,
        validatedProgress: r.validatedProgress,
        expected: r.expected,
        expectedBaseline: r.expectedBaseline,
        status: r.status,
        arithmetic: r.arithmetic,
      };
    }),
  };
}

// -----------------------------------------------------------------------------------------------------------
// CSV (public open data): the same table as the signed-in export (progress-tables.ts)

/** One national row (scope `national`, stateName `Nacional`), then one row per participating state; CRLF lines. */
export function toProgressCsv(p: ProgramProgress): string {
  return tableCsv(stateFiguresTable(toNationalProgressResponse(p)));
}

// -----------------------------------------------------------------------------------------------------------
// Daily snapshots (trend charts)

export class SnapshotPointResponse {
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiProperty({ nullable: true, type: Number }) progress: number | null;
  @ApiProperty({ nullable: true, type: Number }) validatedProgress: number | null;
  @ApiProperty({ nullable: true, type: Number }) expected: number | null;
  @ApiProperty({ nullable: true, type: Number }) variance: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Expected progress against the original dates; null in daily snapshots stored before it was recorded' }) expectedBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'progress − expectedBaseline; null likewise' }) varianceBaseline: number | null;
  @ApiProperty({ nullable: true, enum: TRAFFIC_LIGHTS }) status: TrafficLight | null;
}

export class SnapshotSeriesResponse {
  @ApiProperty({ example: 'national', description: '`national` or a state code' }) scope: string;
  @ApiProperty({ type: [SnapshotPointResponse], description: 'Oldest first: one point per day the daily job ran (snapshots), or per week (trend)' }) points: SnapshotPointResponse[];
}

export function toSnapshotSeries(scope: string, rows: { snapshotDate: string; figures: Record<string, unknown> }[]): SnapshotSeriesResponse {
  const num = (v: unknown): number | null => (typeof v === 'number' ? round1(v) : null);
  return {
    scope,
    points: rows.map((r) => ({
      date: r.snapshotDate,
      progress: num(r.figures.progress),
      validatedProgress: num(r.figures.validatedProgress),
      expected: num(r.figures.expected),
      variance: num(r.figures.variance),
      expectedBaseline: num(r.figures.expectedBaseline),
      varianceBaseline: num(r.figures.varianceBaseline),
      status: (r.figures.status as TrafficLight | null | undefined) ?? null,
    })),
  };
}
