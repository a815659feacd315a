import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDateOnly, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';
import { ProgramDocumentDto } from '../../programs/dto/program-document.dto.js';
import type { ProgramDocumentInput } from '../../programs/program-document.js';
import { COMMENT_TYPES, type ConsultationCommentType } from '../consultation.entity.js';

export class CreateProgramVersionDto {
  @ApiProperty({ example: 'Borrador para consulta', maxLength: 200 })
  @IsString() @Matches(/\S/, { message: 'label must not be blank' }) @MaxLength(200)
  label: string;

  @ApiProperty({ example: '2024-08-06', description: 'The date the version was issued' })
  @IsDateOnly()
  issuedOn: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull() @IsString() @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ type: ProgramDocumentDto, description: 'The program document of this version (same code as the program); left out: the program as it is now' })
  @OptionalNotNull() @IsObject() @ValidateNested() @Type(() => ProgramDocumentDto)
  document?: ProgramDocumentInput;
}

export class ProgramVersionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Borrador para consulta' }) label: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'Phases in this version' }) phases: number;
  @ApiProperty({ description: 'Activities in this version' }) activities: number;
  @ApiProperty({ description: 'Consultation rounds held on this version' }) rounds: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProgramVersionDetailResponse extends ProgramVersionResponse {
  @ApiProperty({ type: ProgramDocumentDto }) document: ProgramDocumentDto;
}

export class VersionDiffQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier version' }) @IsUUID('all', { message: 'from must be a UUID' })
  from: string;

  @ApiProperty({ format: 'uuid', description: 'The later version' }) @IsUUID('all', { message: 'to must be a UUID' })
  to: string;
}

/** A value of a phase or activity field: a text, a number, a flag or a list of codes. */
const FIELD_VALUE = { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] };

export class FieldChangeResponse {
  @ApiProperty({ example: 'durationDays' }) field: string;
  @ApiProperty({ ...FIELD_VALUE, description: 'In the first version' }) from: unknown;
  @ApiProperty({ ...FIELD_VALUE, description: 'In the second version' }) to: unknown;
}

export class ChangedItemResponse {
  @ApiProperty({ description: 'The activity code or phase number', example: '2.1' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [FieldChangeResponse] }) changes: FieldChangeResponse[];
}

export class PhaseRefResponse {
  @ApiProperty() number: number;
  @ApiProperty() name: string;
}

export class ActivityRefResponse {
  @ApiProperty({ example: '4.6' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: number;
}

export class PhaseDiffResponse {
  @ApiProperty({ type: [PhaseRefResponse] }) added: PhaseRefResponse[];
  @ApiProperty({ type: [PhaseRefResponse] }) removed: PhaseRefResponse[];
  @ApiProperty({ type: [ChangedItemResponse] }) changed: ChangedItemResponse[];
}

export class ActivityDiffResponse {
  @ApiProperty({ type: [ActivityRefResponse] }) added: ActivityRefResponse[];
  @ApiProperty({ type: [ActivityRefResponse] }) removed: ActivityRefResponse[];
  @ApiProperty({ type: [ChangedItemResponse] }) changed: ChangedItemResponse[];
}

export class VersionDiffResponse {
  @ApiProperty({ type: ProgramVersionResponse }) from: ProgramVersionResponse;
  @ApiProperty({ type: ProgramVersionResponse }) to: ProgramVersionResponse;
  @ApiProperty({ type: PhaseDiffResponse }) phases: PhaseDiffResponse;
  @ApiProperty({ type: ActivityDiffResponse }) activities: ActivityDiffResponse;
}

export class CreateConsultationRoundDto {
  @ApiProperty({ example: 'Consulta pública del borrador', maxLength: 200 })
  @IsString() @Matches(/\S/, { message: 'title must not be blank' }) @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: '2024-08-12' }) @OptionalNotNull() @IsDateOnly()
  opensOn?: string;

  @ApiPropertyOptional({ example: '2024-09-13', description: 'Not before opensOn' }) @OptionalNotNull() @IsDateOnly()
  closesOn?: string;
}

export class ConsultationFiguresResponse {
  @ApiProperty({ description: 'Comments received' }) comments: number;
  @ApiProperty({ description: 'Of form (forma)' }) form: number;
  @ApiProperty({ description: 'Of substance (fondo)' }) substance: number;
  @ApiProperty() attended: number;
  @ApiProperty() notAttended: number;
  @ApiProperty({ nullable: true, type: Number, description: 'attended / comments × 100, one decimal; null without comments', example: 69.9 }) attendedPercent: number | null;
}

export class ConsultationRoundResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty({ example: 'Borrador para consulta' }) versionLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) opensOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closesOn: string | null;
  @ApiProperty({ type: ConsultationFiguresResponse }) figures: ConsultationFiguresResponse;
}

export class CreateConsultationCommentDto {
  @ApiProperty({ example: 'Organismo garante de Oaxaca', maxLength: 300, description: 'Who sent it' })
  @IsString() @Matches(/\S/, { message: 'originBody must not be blank' }) @MaxLength(300)
  originBody: string;

  @ApiProperty({ enum: COMMENT_TYPES, description: 'form (forma) or substance (fondo)' })
  @IsIn(COMMENT_TYPES, { message: `type must be one of: ${COMMENT_TYPES.join(', ')}` })
  type: ConsultationCommentType;

  @ApiProperty({ example: 'Precisar quién valida los conjuntos de datos de alto valor.', maxLength: 8000 })
  @IsString() @Matches(/\S/, { message: 'text must not be blank' }) @MaxLength(8000)
  text: string;

  @ApiPropertyOptional({ example: '4.4', description: 'An activity of the version the comment is about' })
  @OptionalNotNull() @IsString() @MaxLength(20)
  activityCode?: string;

  @ApiProperty({ description: 'Whether the comment was attended in the program' })
  @IsBoolean({ message: 'attended must be true or false' })
  attended: boolean;

  @ApiPropertyOptional({ example: 'Ya considerado en la actividad 4.4', maxLength: 4000, description: 'The answer; required when not attended (why)' })
  @OptionalNotNull() @IsString() @Matches(/\S/, { message: 'response must not be blank' }) @MaxLength(4000)
  response?: string;
}

export class ConsultationCommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() originBody: string;
  @ApiProperty({ enum: COMMENT_TYPES }) type: ConsultationCommentType;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) activityCode: string | null;
  @ApiProperty() attended: boolean;
  @ApiProperty({ nullable: true, type: String }) response: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ConsultationCommentQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_TYPES }) @IsOptional() @IsIn(COMMENT_TYPES, { message: `type must be one of: ${COMMENT_TYPES.join(', ')}` })
  type?: ConsultationCommentType;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only attended (true) or not attended (false) comments' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'attended must be true or false' })
  attended?: 'true' | 'false';

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class ConsultationCommentPageResponse {
  @ApiProperty({ description: 'Comments matching the filters' }) total: number;
  @ApiProperty({ type: [ConsultationCommentResponse] }) items: ConsultationCommentResponse[];
}
