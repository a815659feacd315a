import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { round1 } from '../../progress/progress-math.js';
import type { ReportingRound } from '../reporting-round.entity.js';
import { ROUND_PHASES, STATE_ROUND_STATUSES, type RoundFigures, type RoundPhase, type StateRoundStatus } from '../reporting-round-rules.js';

/** Counts and ratios; percentages rounded to one decimal here, at the edge, and null when nothing is expected. */
export class RoundFiguresResponse {
  @ApiProperty({ example: 11 }) expected: number;
  @ApiProperty({ example: 10 }) submitted: number;
  @ApiProperty({ example: 8 }) onTime: number;
  @ApiProperty({ example: 90.9, nullable: true, type: Number, description: 'submitted / expected, percent' }) completeness: number | null;
  @ApiProperty({ example: 72.7, nullable: true, type: Number, description: 'submitted by the due date / expected, percent' }) timeliness: number | null;
}

export class ReportingRoundResponse extends RoundFiguresResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2025-Q1' }) code: string;
  @ApiProperty({ example: 'Primer trimestre 2025', nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: '2025-01-01' }) periodStart: string;
  @ApiProperty({ example: '2025-03-31' }) periodEnd: string;
  @ApiProperty({ example: '2025-04-15' }) dueOn: string;
  @ApiProperty({ enum: ROUND_PHASES, description: 'As of asOf: before the period, during it, after it until due, past due' }) phase: RoundPhase;
  @ApiProperty({ description: 'dueOn ≤ asOf: the round counts in the totals' }) due: boolean;
}

export class ReportingRoundListResponse {
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ type: RoundFiguresResponse, description: 'Over every (round, state) pair of the rounds due by asOf' }) national: RoundFiguresResponse;
  @ApiProperty({ type: [ReportingRoundResponse], description: 'Every round, counts as of asOf' }) rounds: ReportingRoundResponse[];
}

export class SubmissionAuthorResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Enlace estatal 20' }) name: string;
}

export class RoundStateResponse {
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ description: 'Participating on at least one day of the period' }) expected: boolean;
  @ApiProperty({ enum: STATE_ROUND_STATUSES }) status: StateRoundStatus;
  @ApiProperty({ example: '2025-04-10', nullable: true, type: String }) submittedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ description: 'Submitted on or before the due date' }) onTime: boolean;
  @ApiPropertyOptional({ description: 'Only for national roles and the state’s own officer' }) summary?: string;
  @ApiPropertyOptional({ type: SubmissionAuthorResponse, description: 'Only where the summary is shown' }) submittedBy?: SubmissionAuthorResponse;
}

export class ReportingRoundDetailResponse extends ReportingRoundResponse {
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ type: [RoundStateResponse], description: 'Every participating state (expected or not), by state code' }) states: RoundStateResponse[];
}

export class StateRoundResponse {
  @ApiProperty({ example: '2025-Q1' }) code: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: '2025-01-01' }) periodStart: string;
  @ApiProperty({ example: '2025-03-31' }) periodEnd: string;
  @ApiProperty({ example: '2025-04-15' }) dueOn: string;
  @ApiProperty() expected: boolean;
  @ApiProperty({ enum: STATE_ROUND_STATUSES }) status: StateRoundStatus;
  @ApiProperty({ nullable: true, type: String }) submittedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty() onTime: boolean;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: SubmissionAuthorResponse }) submittedBy: SubmissionAuthorResponse | null;
}

export class StateReportingRoundsResponse {
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ type: RoundFiguresResponse, description: 'Over the rounds due by asOf for which the state is expected' }) totals: RoundFiguresResponse;
  @ApiProperty({ type: [StateRoundResponse], description: 'Every round of the program, by period' }) rounds: StateRoundResponse[];
}

export class SubmissionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2025-Q1' }) roundCode: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ example: '2025-04-10', description: 'In the program’s time zone' }) submittedOn: string;
  @ApiProperty() onTime: boolean;
  @ApiProperty({ type: SubmissionAuthorResponse }) submittedBy: SubmissionAuthorResponse;
}

export class QuarterlyRoundsResponse {
  @ApiProperty({ type: [ReportingRoundResponse], description: 'Rounds created by this call' }) created: ReportingRoundResponse[];
  @ApiProperty({ type: [String], example: ['2025-Q1'], description: 'Codes that already existed, left as they were' }) skipped: string[];
}

export function toFiguresResponse(f: RoundFigures): RoundFiguresResponse {
  return { expected: f.expected, submitted: f.submitted, onTime: f.onTime, completeness: round1(f.completeness), timeliness: round1(f.timeliness) };
}

export function toReportingRoundResponse(r: ReportingRound, figures: RoundFigures, phase: RoundPhase, due: boolean): ReportingRoundResponse {
  return { id: r.id, code: r.code, name: r.name, periodStart: r.periodStart, periodEnd: r.periodEnd, dueOn: r.dueOn, phase, due, ...toFiguresResponse(figures) };
}
