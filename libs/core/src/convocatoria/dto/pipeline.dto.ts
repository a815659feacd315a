import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsStateCode, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';
import type { PipelineEntryView, SessionView } from '../convocatoria.repository.js';
import { PIPELINE_STAGES, type PipelineStage } from '../pipeline-rules.js';

export class AddCandidateDto {
  @IsStateCode()
  stateCode: string;

  @ApiPropertyOptional({ example: 'Manifestaron interés', maxLength: 120, description: 'The group the coordination follows the state in' })
  @OptionalNotNull() @IsString() @Matches(/\S/, { message: 'cohort must not be blank' }) @MaxLength(120)
  cohort?: string;

  @ApiPropertyOptional({ example: '2024-12-02', description: 'When the state became a candidate (default: today); only when it is added' })
  @OptionalNotNull() @IsDateOnly()
  on?: string;
}

export class TransitionDto {
  @ApiProperty({ enum: PIPELINE_STAGES, description: 'The next stage: candidate → interested → convened → joined, or declined from any open stage' })
  @IsIn(PIPELINE_STAGES, { message: `to must be one of: ${PIPELINE_STAGES.join(', ')}` })
  to: PipelineStage;

  @ApiProperty({ example: '2025-02-14', description: 'The date the step happened' })
  @IsDateOnly()
  on: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'to: interested — the uploaded manifiesto de interés (POST …/states/:stateCode/files)' })
  @OptionalNotNull() @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'to: declined — why' })
  @OptionalNotNull() @IsString() @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ example: '2025-03-01', description: 'to: joined — the participation’s join date (its plan is dated from it)' })
  @OptionalNotNull() @IsDateOnly()
  joinedOn?: string;
}

export class CreateSessionDto {
  @ApiProperty({ example: '2025-02-20' })
  @IsDateOnly()
  heldOn: string;

  @ApiProperty({ example: 'Revisión del plan de trabajo', maxLength: 200 })
  @IsString() @Matches(/\S/, { message: 'topic must not be blank' }) @MaxLength(200)
  topic: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @OptionalNotNull() @IsString() @MaxLength(4000)
  notes?: string;
}

export class PipelineStepResponse {
  @ApiProperty({ enum: PIPELINE_STAGES, nullable: true, type: String }) from: PipelineStage | null;
  @ApiProperty({ enum: PIPELINE_STAGES }) to: PipelineStage;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class PipelineEntryResponse {
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ enum: PIPELINE_STAGES }) stage: PipelineStage;
  @ApiProperty({ nullable: true, type: String, example: 'Manifestaron interés' }) cohort: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) interestOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The manifiesto de interés (GET /files/:fileId)' }) interestFileId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) convenedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) joinedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) declinedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) declinedReason: string | null;
  @ApiProperty({ type: [PipelineStepResponse], description: 'Every step, oldest first' }) history: PipelineStepResponse[];
}

export class FunnelStageCount {
  @ApiProperty({ enum: PIPELINE_STAGES }) stage: PipelineStage;
  @ApiProperty() count: number;
}

export class FunnelCohortResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null: states in no cohort' }) cohort: string | null;
  @ApiProperty({ type: [FunnelStageCount] }) stages: FunnelStageCount[];
  @ApiProperty() total: number;
}

export class FunnelResponse {
  @ApiProperty({ type: [FunnelStageCount], description: 'Every stage, in pipeline order, zeros included' }) stages: FunnelStageCount[];
  @ApiProperty({ type: [FunnelCohortResponse] }) cohorts: FunnelCohortResponse[];
  @ApiProperty() total: number;
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() topic: string;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ example: 'Coordinación' }) authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toPipelineEntryResponse(v: PipelineEntryView): PipelineEntryResponse {
  const { id: _id, ...rest } = v;
  return { ...rest, history: v.history.map((h) => ({ ...h, recordedAt: new Date(h.recordedAt).toISOString() })) };
}

export function toSessionResponse(s: SessionView): SessionResponse {
  return { ...s, createdAt: s.createdAt.toISOString() };
}
