import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsStateCode } from '../../../../platform/src/http/field-rules.js';
import { REPLAN_REQUEST_STATUSES, type ReplanRequestStatus } from '../replan-request.entity.js';
import type { ReplanRequestView } from '../replan-requests.repository.js';

export const REPLAN_DECISIONS = ['approve', 'reject'] as const;
export type ReplanDecision = (typeof REPLAN_DECISIONS)[number];
export const DECISION_REASON_MAX = 2000;

export class ReplanRequestQueryDto {
  @ApiPropertyOptional({ enum: REPLAN_REQUEST_STATUSES, description: 'Only requests in this state (absent: all)' })
  @IsOptional() @IsIn(REPLAN_REQUEST_STATUSES, { message: `status must be one of: ${REPLAN_REQUEST_STATUSES.join(', ')}` })
  status?: ReplanRequestStatus;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class ProgramReplanRequestQueryDto extends ReplanRequestQueryDto {
  @ApiPropertyOptional({ example: '20', description: 'Only this state (a state officer sees only its own state either way)' })
  @IsOptional() @IsStateCode()
  stateCode?: string;
}

export class DecideReplanRequestDto {
  @ApiProperty({ enum: REPLAN_DECISIONS, example: 'approve', description: 'approve applies the requested dates to the plan; reject leaves the plan as it is' })
  @IsIn(REPLAN_DECISIONS, { message: `decision must be one of: ${REPLAN_DECISIONS.join(', ')}` })
  decision: ReplanDecision;

  @ApiPropertyOptional({ example: 'Se aprueba: el cambio de administración justifica el nuevo plazo.', description: 'Required to reject; kept with the decision', maxLength: DECISION_REASON_MAX, type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString({ message: 'reason must be a text' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(DECISION_REASON_MAX)
  reason?: string | null;
}

export class ReplanPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Enlace Oaxaca' }) name: string;
}

export class ReplanRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPLAN_REQUEST_STATUSES, description: 'pending until the coordination approves or rejects it' }) status: ReplanRequestStatus;
  @ApiProperty({ example: 'condatos-2024' }) programCode: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ format: 'uuid', description: 'The plan item it would re-plan' }) planItemId: string;
  @ApiProperty({ example: '1.2' }) activityCode: string;
  @ApiProperty() activityName: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The new start, when one was sent; null keeps the item’s start' }) requestedStart: string | null;
  @ApiProperty({ format: 'date', description: 'The new due date (later than the item’s when asked)' }) requestedDue: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'A change of scope sent with the dates; null keeps it' }) requestedIncluded: boolean | null;
  @ApiProperty({ format: 'date', description: 'The item’s start when the request was made' }) previousStart: string;
  @ApiProperty({ format: 'date', description: 'The item’s due date when the request was made' }) previousDue: string;
  @ApiProperty({ format: 'date', description: 'The item’s planned start now' }) currentStart: string;
  @ApiProperty({ format: 'date', description: 'The item’s planned due date now' }) currentDue: string;
  @ApiProperty({ format: 'date', description: 'The dates computed when the state joined (the baseline)' }) originalStart: string;
  @ApiProperty({ format: 'date' }) originalDue: string;
  @ApiProperty() justification: string;
  @ApiProperty({ type: ReplanPersonResponse }) requestedBy: ReplanPersonResponse;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: ReplanPersonResponse }) decidedBy: ReplanPersonResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected (or a note on the approval)' }) decisionReason: string | null;
}

export class ReplanRequestPageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ReplanRequestResponse], description: 'Pending first (oldest first), then decided ones (latest decision first)' }) items: ReplanRequestResponse[];
}

export function toReplanRequestResponse(v: ReplanRequestView): ReplanRequestResponse {
  return {
    id: v.id,
    status: v.status,
    programCode: v.programCode,
    stateCode: v.stateCode,
    stateName: v.stateName,
    planItemId: v.planItemId,
    activityCode: v.activityCode,
    activityName: v.activityName,
    requestedStart: v.requestedStart,
    requestedDue: v.requestedDue,
    requestedIncluded: v.requestedIncluded,
    previousStart: v.previousStart,
    previousDue: v.previousDue,
    currentStart: v.currentStart,
    currentDue: v.currentDue,
    originalStart: v.originalStart,
    originalDue: v.originalDue,
    justification: v.justification,
    requestedBy: { id: v.requestedById, name: v.requestedByName },
    requestedAt: new Date(v.requestedAt).toISOString(),
    decidedBy: v.decidedById === null ? null : { id: v.decidedById, name: v.decidedByName ?? '' },
    decidedAt: v.decidedAt === null ? null : new Date(v.decidedAt).toISOString(),
    decisionReason: v.decisionReason,
  };
}
