import { ApiProperty } from '@nestjs/swagger';
import { RISK_METHOD, type RiskBand } from '../risk-math.js';
import { RISK_REASON_KINDS, type RiskReason, type RiskReasonKind } from '../risk-reasons.js';

export const RISK_BANDS: readonly RiskBand[] = ['overdue', 'projected_late', 'tight', 'comfortable'];

export class RiskReasonResponse implements RiskReason {
  @ApiProperty({ enum: RISK_REASON_KINDS }) kind: RiskReasonKind;
  @ApiProperty({ example: 34.5, description: 'This term of the score, in days of slack (the terms sum to the score)' }) points: number;
  @ApiProperty({ example: 'Quedan 20 días para el 60 % por hacer, que al ritmo observado de la entidad (0.5 veces el previsto) tomaría unos 55 días: terminaría 35 días tarde.' }) text: string;
}

export class ItemRiskResponse {
  @ApiProperty({ example: 1, description: 'Position in the ranking (1 = riskiest)' }) rank: number;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ example: '4.3' }) activityCode: string;
  @ApiProperty({ example: 'Publicar el Plan de Apertura Institucional' }) activityName: string;
  @ApiProperty({ example: 4 }) phaseNumber: number;
  @ApiProperty({ enum: ['state', 'institution'] }) level: 'state' | 'institution';
  @ApiProperty({ format: 'date', example: '2025-09-12' }) plannedStart: string;
  @ApiProperty({ format: 'date', example: '2025-12-11' }) plannedDue: string;
  @ApiProperty({ example: 40, description: 'Item progress (%), from the progress engine' }) progress: number;
  @ApiProperty({ example: 20, description: 'plannedDue − asOf, days (negative: overdue)' }) daysLeft: number;
  @ApiProperty({ example: 54.6, description: 'Days the remaining work takes at the state’s observed pace' }) daysNeeded: number;
  @ApiProperty({ example: -34.6, description: 'daysLeft − daysNeeded (negative: projected that many days late)' }) slack: number;
  @ApiProperty({ example: 44.6, description: 'Risk points: −slack plus the history terms; higher is riskier' }) score: number;
  @ApiProperty({ enum: RISK_BANDS }) band: RiskBand;
  @ApiProperty({ type: [RiskReasonResponse] }) reasons: RiskReasonResponse[];
}

export class StateRiskResponse {
  @ApiProperty({ example: 1 }) rank: number;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ type: Number, nullable: true, example: 31.2, description: `Mean score of its ${RISK_METHOD.stateTopItems} riskiest open items; null when nothing is open` }) score: number | null;
  @ApiProperty({ example: 6, description: 'Included items below 100 %' }) openItems: number;
  @ApiProperty({ example: 2, description: 'Open items projected to miss their due date (overdue ones included)' }) projectedLate: number;
  @ApiProperty({ example: 0.62, description: 'Observed pace: actual ÷ planned speed (1 when there is no history yet)' }) pace: number;
  @ApiProperty({ example: 5, description: 'Items the pace was observed on (0: planned pace assumed)' }) paceSample: number;
  @ApiProperty({ example: 1, description: 'Returned reports in the window' }) returnedReports: number;
  @ApiProperty({ example: 1, description: 'Reporting rounds due by asOf delivered late' }) lateRounds: number;
  @ApiProperty({ example: 0, description: 'Reporting rounds due by asOf not delivered' }) missedRounds: number;
  @ApiProperty({ type: String, nullable: true, example: '4.3', description: 'Its riskiest open item' }) worstActivityCode: string | null;
}

export class RiskMethodResponse {
  @ApiProperty({ example: 0.1 }) paceMin: number;
  @ApiProperty({ example: 4 }) paceMax: number;
  @ApiProperty({ example: 7 }) stalledAfterDays: number;
  @ApiProperty({ example: 7 }) pointsPerReturnedReport: number;
  @ApiProperty({ example: 5 }) pointsPerLateRound: number;
  @ApiProperty({ example: 180 }) returnedWindowDays: number;
  @ApiProperty({ example: 15 }) tightSlackDays: number;
  @ApiProperty({ example: 3 }) stateTopItems: number;
}

export class RiskRankingResponse {
  @ApiProperty({ format: 'date', example: '2025-11-21' }) asOf: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The one state ranked, or null for every participating state' }) stateCode: string | null;
  @ApiProperty({ type: RiskMethodResponse, description: 'The constants of the method (docs/early-warning.md)' }) method: RiskMethodResponse;
  @ApiProperty({ type: [StateRiskResponse], description: 'Every state in scope, riskiest first' }) states: StateRiskResponse[];
  @ApiProperty({ example: 57, description: 'Open items in scope (the list holds the first `limit`)' }) totalItems: number;
  @ApiProperty({ type: [ItemRiskResponse], description: 'The riskiest open items, riskiest first' }) items: ItemRiskResponse[];
}
