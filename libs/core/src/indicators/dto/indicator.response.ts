import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { round1 } from '../../progress/progress-math.js';
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS, type IndicatorDirection, type IndicatorUnit } from '../../programs/indicator.entity.js';
import { INDICATOR_STATUSES, type DatedValue, type IndicatorStatus } from '../indicator-targets.js';
import type { IndicatorSeries, ScopeFigure } from '../indicator-views.js';

// Values are rounded to one decimal here, at the edge, and nowhere else.

export class DatedValueResponse {
  @ApiProperty({ example: 11 }) value: number;
  @ApiProperty({ example: '2025-12-31', nullable: true, type: String, description: 'null: a target for every period (or an undated baseline)' }) date: string | null;
}

export class IndicatorFigureResponse {
  @ApiProperty({ example: 'IND-01' }) code: string;
  @ApiProperty({ example: 'Entidades federativas participantes' }) name: string;
  @ApiProperty({ nullable: true, type: String }) definition: string | null;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit: IndicatorUnit;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction: IndicatorDirection;
  @ApiProperty({ example: 'states_participating' }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) params: Record<string, unknown>;
  @ApiProperty({ example: 'national', description: '`national` or a state code' }) scope: string;
  @ApiProperty({ nullable: true, type: Number, example: 6, description: 'null when a share has nothing to be a share of (e.g. no item due yet)' }) value: number | null;
  @ApiProperty({ nullable: true, type: DatedValueResponse }) baseline: DatedValueResponse | null;
  @ApiProperty({ nullable: true, type: DatedValueResponse, description: 'The scope’s target that applies at asOf (nearest future one, else latest past one, else the undated one); null when the scope has none' }) target: DatedValueResponse | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The straight line from baseline to target read at asOf (the target itself when undated or without a dated baseline)' }) expectedNow: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent of the way from baseline to target (value / target without a baseline), 0–100' }) achievement: number | null;
  @ApiProperty({ nullable: true, enum: INDICATOR_STATUSES }) status: IndicatorStatus | null;
}

export class IndicatorListResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 'condatos-2024' }) programCode: string;
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ example: 'national', description: '`national` or the state code asked for' }) scope: string;
  @ApiPropertyOptional({ description: 'With stateCode: whether the state’s participation is active at asOf' }) participating?: boolean;
  @ApiProperty({ type: [IndicatorFigureResponse], description: 'The program’s indicators in document order' }) indicators: IndicatorFigureResponse[];
}

export class SeriesPointResponse {
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty({ enum: ['snapshot', 'computed'], description: '`snapshot`: from the daily progress snapshot of that date; `computed`: computed now as of that date' }) source: 'snapshot' | 'computed';
}

export class IndicatorSeriesResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 'IND-03' }) indicatorCode: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit: IndicatorUnit;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction: IndicatorDirection;
  @ApiProperty({ example: 'national' }) scope: string;
  @ApiProperty({ example: '2025-01-01' }) from: string;
  @ApiProperty({ example: '2025-12-31' }) to: string;
  @ApiProperty({ nullable: true, type: DatedValueResponse }) baseline: DatedValueResponse | null;
  @ApiProperty({ type: [DatedValueResponse], description: 'Every target of the scope, dated ones by date, the undated one last' }) targets: DatedValueResponse[];
  @ApiProperty({ type: [SeriesPointResponse], description: 'Oldest first' }) points: SeriesPointResponse[];
}

export function toDatedValueResponse(v: DatedValue | null): DatedValueResponse | null {
  return v === null ? null : { value: round1(v.value), date: v.date };
}

export function toIndicatorFigureResponse(f: ScopeFigure): IndicatorFigureResponse {
  return {
    code: f.code,
    name: f.name,
    definition: f.definition,
    unit: f.unit,
    direction: f.direction,
    kind: f.kind,
    params: f.params,
    scope: f.scope,
    value: round1(f.value),
    baseline: toDatedValueResponse(f.baseline),
    target: toDatedValueResponse(f.target),
    expectedNow: round1(f.expectedNow),
    achievement: round1(f.achievement),
    status: f.status,
  };
}

export function toIndicatorSeriesResponse(s: IndicatorSeries): IndicatorSeriesResponse {
  return {
    programId: s.programId,
    indicatorCode: s.indicator.code,
    unit: s.indicator.unit,
    direction: s.indicator.direction,
    scope: s.scope,
    from: s.from,
    to: s.to,
    baseline: toDatedValueResponse(s.indicator.baseline),
    targets: s.targets.map((t) => toDatedValueResponse(t)!),
    points: s.points.map((p) => ({ date: p.date, value: round1(p.value), source: p.source })),
  };
}
