import type { IndicatorDirection, IndicatorUnit } from '../programs/indicator.entity.js';
import type { DatedValue, IndicatorStatus } from './indicator-targets.js';

// What IndicatorsService computes, before the response DTOs round it (unrounded, JSON-able).

/** An indicator of a program with its baseline and its targets per scope. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  definition: string | null;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  kind: string;
  params: Record<string, unknown>;
  /** One baseline per indicator, used for every scope. */
  baseline: DatedValue | null;
  /** Targets by scope: `national` or a state code; dated ones by date, the undated one last. */
  targets: Record<string, DatedValue[]>;
}

/** One indicator in one scope as of a date: its value and how it stands against the scope's target. */
export interface ScopeFigure {
  code: string;
  name: string;
  definition: string | null;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  kind: string;
  params: Record<string, unknown>;
  /** `national` or a state code. */
  scope: string;
  value: number | null;
  baseline: DatedValue | null;
  target: DatedValue | null;
  expectedNow: number | null;
  achievement: number | null;
  status: IndicatorStatus | null;
}

export interface StateIndicators {
  stateCode: string;
  /** Participation active at `asOf`. */
  participating: boolean;
  indicators: ScopeFigure[];
}

/** Every indicator of a program as of a date, nationally and/or for some states (unrounded). */
export interface ProgramIndicators {
  programId: string;
  programCode: string;
  asOf: string;
  /** In document order; null when the national scope was not asked for. */
  national: ScopeFigure[] | null;
  /** By state code. */
  states: StateIndicators[];
}

export interface SeriesPoint {
  date: string;
  value: number | null;
  source: 'snapshot' | 'computed';
}

export interface IndicatorSeries {
  programId: string;
  indicator: IndicatorDefinition;
  scope: string;
  from: string;
  to: string;
  /** The scope's targets. */
  targets: DatedValue[];
  points: SeriesPoint[];
}
