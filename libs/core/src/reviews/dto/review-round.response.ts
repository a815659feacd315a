import { ApiProperty } from '@nestjs/swagger';
import { FINDING_TYPES, type FindingType } from '../review-finding.entity.js';
import { REVIEW_ROUND_STATUSES, type ReviewRoundStatus } from '../review-round.entity.js';
import type { FigureDifference, FigureValue, FrozenFigures } from '../review-figures.js';

export class UserRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Comisión revisora' }) name: string;
}

export class FindingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2, description: 'Number within the round' }) number: number;
  @ApiProperty({ example: 'RR-2026-001/2', description: 'Citable: round code / number' }) citation: string;
  @ApiProperty({ enum: FINDING_TYPES }) type: FindingType;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: '4.4', nullable: true, type: String }) activityCode: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ example: '2026-08-31', nullable: true, type: String }) dueOn: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: UserRefResponse }) createdBy: UserRefResponse;
}

export class ReviewRoundSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RR-2026-001', description: 'Citable identifier, unique in the program' }) code: string;
  @ApiProperty({ example: 'Revisión del primer semestre 2026' }) title: string;
  @ApiProperty({ example: '2026-06-30', description: 'The date the frozen figures describe' }) asOf: string;
  @ApiProperty({ enum: REVIEW_ROUND_STATUSES }) status: ReviewRoundStatus;
  @ApiProperty({ format: 'date-time', description: 'When the figures were frozen' }) createdAt: string;
  @ApiProperty({ type: UserRefResponse }) createdBy: UserRefResponse;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: UserRefResponse, nullable: true }) closedBy: UserRefResponse | null;
  @ApiProperty({ nullable: true, type: String, example: 'SNAIP/CEATP/ACUERDO/15/07/26/ORD02-03' }) agreementReference: string | null;
  @ApiProperty({ description: 'Findings the caller may see (a state officer: its own state’s)' }) findingCount: number;
}

export class ReviewRoundListResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 'condatos-2024' }) programCode: string;
  @ApiProperty({ type: [ReviewRoundSummaryResponse], description: 'Oldest first' }) rounds: ReviewRoundSummaryResponse[];
}

export class ReviewRoundDetailResponse extends ReviewRoundSummaryResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The frozen figures (percentages rounded to one decimal): `{ asOf, thresholds, progress: { national, states: [{ stateCode, …figures, phases[], items[] }] }, indicators: [{ code, name, unit, direction, kind, params, national: { value, baseline, target, expectedNow, achievement, status }, states: { <stateCode>: {…} } }] }`',
  })
  figures: FrozenFigures;

  @ApiProperty({ type: [FindingResponse], description: 'In order; a state officer sees its own state’s only' }) findings: FindingResponse[];
}

export class FigureDifferenceResponse {
  @ApiProperty({ example: '20', description: '`national` or a state code' }) scope: string;
  @ApiProperty({ enum: ['progress', 'item', 'indicator'] }) kind: 'progress' | 'item' | 'indicator';
  @ApiProperty({ nullable: true, type: String, example: '4.3' }) activityCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'IND-03' }) indicatorCode: string | null;
  @ApiProperty({ example: 'progress' }) figure: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] }) frozen: FigureValue;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] }) live: FigureValue;
  @ApiProperty({ nullable: true, type: Number, description: 'live − frozen, for numbers' }) delta: number | null;
  @ApiProperty() changed: boolean;
}

export class ReviewRoundDifferencesResponse {
  @ApiProperty({ example: 'RR-2026-001' }) code: string;
  @ApiProperty({ example: '2026-06-30', description: 'The frozen figures’ date' }) frozenAsOf: string;
  @ApiProperty({ example: '2026-06-30', description: 'The live figures’ date (the round’s asOf unless asked otherwise)' }) liveAsOf: string;
  @ApiProperty({ description: 'How many figures changed' }) changed: number;
  @ApiProperty({ type: [FigureDifferenceResponse], description: 'The figures that changed (all of them with all=true)' }) differences: FigureDifference[];
}
