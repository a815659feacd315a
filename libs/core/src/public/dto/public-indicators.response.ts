import { ApiProperty } from '@nestjs/swagger';
import { IndicatorFigureResponse, toIndicatorFigureResponse } from '../../indicators/dto/indicator.response.js';
import type { ProgramIndicators } from '../../indicators/indicator-views.js';
import { csvText } from '../../../../platform/src/tables/csv.js';

// Every figure is rounded by the indicators feature's own response mapper (toIndicatorFigureResponse), so the
// public values are exactly the authenticated route's.

export class PublicStateIndicatorsResponse {
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca', description: 'es-MX name of the state' }) stateName: string;
  @ApiProperty({ type: [IndicatorFigureResponse], description: 'The program’s indicators in document order, judged against the state’s own targets' })
  indicators: IndicatorFigureResponse[];
}

export class PublicIndicatorsResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 'condatos-2024' }) programCode: string;
  @ApiProperty() programName: string;
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ type: [IndicatorFigureResponse], description: 'Every indicator nationally (scope `national`), in document order' }) national: IndicatorFigureResponse[];
  @ApiProperty({ type: [PublicStateIndicatorsResponse], description: 'States participating at asOf, by state code' }) states: PublicStateIndicatorsResponse[];
}

export function toPublicIndicatorsResponse(programName: string, result: ProgramIndicators, stateNames: ReadonlyMap<string, string>): PublicIndicatorsResponse {
  return {
    programId: result.programId,
    programCode: result.programCode,
    programName,
    asOf: result.asOf,
    national: (result.national ?? []).map(toIndicatorFigureResponse),
    states: result.states.map((s) => ({ stateCode: s.stateCode, stateName: stateNames.get(s.stateCode) ?? s.stateCode, indicators: s.indicators.map(toIndicatorFigureResponse) })),
  };
}

export const INDICATORS_CSV_COLUMNS = [
  'scope',
  'stateCode',
  'stateName',
  'asOf',
  'code',
  'name',
  'unit',
  'direction',
  'value',
  'baselineValue',
  'baselineDate',
  'targetValue',
  'targetDate',
  'expectedNow',
  'achievement',
  'status',
] as const;

/**
 * One row per (indicator, scope): the national rows (scope `national`, stateName `Nacional`) in document order,
 * then each participating state's rows by state code. Empty cells for null; CRLF lines (RFC 4180).
 */
export function toIndicatorsCsv(body: PublicIndicatorsResponse): string {
  const row = (scope: 'national' | 'state', stateCode: string, stateName: string, f: IndicatorFigureResponse) => [
    scope,
    stateCode,
    stateName,
    body.asOf,
    f.code,
    f.name,
    f.unit,
    f.direction,
    f.value,
    f.baseline?.value ?? null,
    f.baseline?.date ?? null,
    f.target?.value ?? null,
    f.target?.date ?? null,
    f.expectedNow,
    f.achievement,
    f.status,
  ];
  return csvText([
    [...INDICATORS_CSV_COLUMNS],
    ...body.national.map((f) => row('national', '', 'Nacional', f)),
    ...body.states.flatMap((s) => s.indicators.map((f) => row('state', s.stateCode, s.stateName, f))),
  ]);
}
