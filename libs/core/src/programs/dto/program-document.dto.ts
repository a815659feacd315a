import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validate,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { isValidDate, isValidTimeZone } from '../../../../platform/src/util/dates.js';
import { FieldValidationException, flattenValidationErrors } from '../../../../platform/src/http/field-errors.js';
import { ACTIVITY_LEVELS, EVIDENCE_KINDS, type ActivityLevel, type EvidenceKind } from '../activity.entity.js';
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS, type IndicatorDirection, type IndicatorUnit } from '../indicator.entity.js';
import { INDICATOR_KIND_CODES } from '../indicator-kinds.js';
import { PROGRAM_STATUSES, type ProgramStatus } from '../program.entity.js';
import { DEFAULT_THRESHOLDS, DEFAULT_TIME_ZONE } from '../program-document.js';

// Codes appear in URLs (`/programs/condatos-2024`, `/plan/4.3`): letters and digits joined by - _ or .
const CODE = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const NUMBER = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 };

const IsCode = (what: string) => Matches(CODE, { message: `${what} may contain letters, digits and single - _ . between them` });

function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: (v: unknown) => isValidDate(v), defaultMessage: (a?: ValidationArguments) => `${a?.property} must be a date YYYY-MM-DD` } }, options);
}

function IsTimeZone() {
  return ValidateBy({ name: 'isTimeZone', validator: { validate: (v: unknown) => typeof v === 'string' && isValidTimeZone(v), defaultMessage: (a?: ValidationArguments) => `${a?.property} must be an IANA time zone such as America/Mexico_City` } });
}

function IsNotUuid() {
  return ValidateBy({ name: 'isNotUuid', validator: { validate: (v: unknown) => typeof v !== 'string' || !UUID.test(v), defaultMessage: (a?: ValidationArguments) => `${a?.property} must not look like an id (UUID)` } });
}

/** `stateCode` is required for, and only for, a target of scope `state`. */
function StateCodeFitsScope() {
  return ValidateBy({
    name: 'stateCodeFitsScope',
    validator: {
      validate: (v: unknown, a?: ValidationArguments) => ((a?.object as TargetDocumentDto).scope === 'state' ? typeof v === 'string' && /^\d{2}$/.test(v) : v === undefined || v === null),
      defaultMessage: (a?: ValidationArguments) =>
        (a?.object as TargetDocumentDto).scope === 'state' ? 'stateCode is required for a state target and must be a two-digit INEGI code' : 'stateCode is only allowed on a state target',
    },
  });
}

export class ThresholdsDto {
  @ApiProperty({ example: -5, description: 'Schedule variance (pp) below which a state is at_risk' })
  @IsNumber({ ...NUMBER, maxDecimalPlaces: 2 }) @Min(-100) @Max(100)
  atRisk: number;

  @ApiProperty({ example: -15, description: 'Schedule variance (pp) below which a state is off_track; ≤ atRisk' })
  @IsNumber({ ...NUMBER, maxDecimalPlaces: 2 }) @Min(-100) @Max(100)
  offTrack: number;
}

export class PhaseDocumentDto {
  @ApiProperty({ example: 1 })
  @IsInt() @Min(1) @Max(1000)
  number: number;

  @ApiProperty({ example: 'Planeación' })
  @IsString() @MinLength(1) @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(5000)
  description?: string | null;
}

export class FormatDocumentDto {
  @ApiProperty({ example: 'F-01', description: 'Unique within the activity; report evidence names it as formatCode' })
  @IsString() @MinLength(1) @MaxLength(40) @IsCode('code')
  code: string;

  @ApiProperty({ example: 'Formato de designación de personas enlace' })
  @IsString() @MinLength(1) @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The id returned by POST /programs/{programId}/templates for this program; download with GET /files/{fileId}' })
  @IsOptional() @IsUUID('all', { message: 'templateFileId must be a UUID' })
  templateFileId?: string | null;
}

export class ActivityDocumentDto {
  @ApiProperty({ example: '1.1', description: 'Unique in the program' })
  @IsString() @MinLength(1) @MaxLength(20) @IsCode('code')
  code: string;

  @ApiProperty({ example: 1, description: 'Number of one of the phases' })
  @IsInt()
  phase: number;

  @ApiProperty({ example: 'Designar a las personas enlace del organismo garante' })
  @IsString() @MinLength(1) @MaxLength(500)
  name: string;

  @ApiProperty({ enum: ACTIVITY_LEVELS })
  @IsIn(ACTIVITY_LEVELS)
  level: ActivityLevel;

  @ApiProperty({ example: 0, description: "Days from the state's join date to the planned start" })
  @IsInt() @Min(0) @Max(36500)
  startDay: number;

  @ApiProperty({ example: 30, description: 'Calendar days from planned start to planned due' })
  @IsInt() @Min(0) @Max(36500)
  durationDays: number;

  @ApiProperty({ example: 1, exclusiveMinimum: true, minimum: 0 })
  @IsNumber(NUMBER) @Min(0.0001, { message: 'weight must be greater than 0' }) @Max(999999)
  weight: number;

  @ApiPropertyOptional({ type: Boolean, nullable: true, default: false, description: 'Only optional activities may be excluded from a state plan' })
  @IsOptional() @IsBoolean()
  optional?: boolean | null;

  @ApiPropertyOptional({ enum: EVIDENCE_KINDS, isArray: true, default: [] })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(EVIDENCE_KINDS, { each: true })
  evidenceKinds?: EvidenceKind[] | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, default: true, description: 'Verifiable completion: a completed report must carry evidence of each of evidenceKinds' })
  @IsOptional() @IsBoolean()
  completionNeedsEvidence?: boolean | null;

  @ApiPropertyOptional({ type: [String], example: ['personas_sensibilizadas'], default: [], description: 'snake_case names of numeric metrics a report may carry' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @MaxLength(60, { each: true })
  @Matches(SNAKE_CASE, { each: true, message: 'each metric name must be snake_case, e.g. personas_sensibilizadas' })
  metrics?: string[] | null;

  @ApiPropertyOptional({ type: [FormatDocumentDto], default: [], description: 'Formats (formatos) the states fill in and upload as document evidence of the activity' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FormatDocumentDto)
  formats?: FormatDocumentDto[] | null;
}

export class BaselineDto {
  @ApiProperty({ example: 0 })
  @IsNumber(NUMBER) @Min(-1e9) @Max(1e9)
  value: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-11-19' })
  @IsOptional() @IsCalendarDate()
  date?: string | null;
}

export class TargetDocumentDto {
  @ApiProperty({ enum: ['national', 'state'] })
  @IsIn(['national', 'state'])
  scope: 'national' | 'state';

  @ApiPropertyOptional({ type: String, nullable: true, example: '20', description: 'Required for, and only for, scope state' })
  @StateCodeFitsScope()
  stateCode?: string | null;

  @ApiProperty({ example: 11 })
  @IsNumber(NUMBER) @Min(-1e9) @Max(1e9)
  value: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-12-31', description: 'null or absent: the target holds for every period' })
  @IsOptional() @IsCalendarDate()
  date?: string | null;
}

export class IndicatorDocumentDto {
  @ApiProperty({ example: 'IND-01' })
  @IsString() @MinLength(1) @MaxLength(40) @IsCode('code')
  code: string;

  @ApiProperty({ example: 'Entidades federativas participantes' })
  @IsString() @MinLength(1) @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(5000)
  definition?: string | null;

  @ApiProperty({ enum: INDICATOR_UNITS })
  @IsIn(INDICATOR_UNITS)
  unit: IndicatorUnit;

  @ApiPropertyOptional({ enum: INDICATOR_DIRECTIONS, default: 'up' })
  @IsOptional() @IsIn(INDICATOR_DIRECTIONS)
  direction?: IndicatorDirection | null;

  @ApiProperty({ enum: INDICATOR_KIND_CODES, description: 'A computation from the fixed catalogue' })
  @IsString() @MaxLength(60)
  kind: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: {}, description: "The kind's params, e.g. { activityCode, metric } for metric_sum" })
  @IsOptional() @IsObject()
  params?: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: BaselineDto, nullable: true })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => BaselineDto)
  baseline?: BaselineDto | null;

  @ApiPropertyOptional({ type: [TargetDocumentDto], default: [] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TargetDocumentDto)
  targets?: TargetDocumentDto[] | null;
}

/** The program document of SPEC §5, for import and export. Unknown fields are refused. */
export class ProgramDocumentDto {
  @ApiProperty({ example: 'condatos-2024', description: 'Unique; an import with an existing code replaces that program' })
  @IsString() @MinLength(1) @MaxLength(60) @IsCode('code') @IsNotUuid()
  code: string;

  @ApiProperty({ example: 'Programa de Implementación Modelo de la Política Nacional de Datos Abiertos' })
  @IsString() @MinLength(1) @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(10000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-11-19' })
  @IsOptional() @IsCalendarDate()
  approvedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SNT/CEATP/ACUERDO/19/11/24/EXT03-02' })
  @IsOptional() @IsString() @MaxLength(300)
  approvalReference?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, default: DEFAULT_TIME_ZONE, maxLength: 64, description: 'An IANA time zone' })
  @IsOptional() @IsString() @MaxLength(64) @IsTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({ type: ThresholdsDto, default: DEFAULT_THRESHOLDS })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto | null;

  @ApiPropertyOptional({ enum: PROGRAM_STATUSES, default: 'active' })
  @IsOptional() @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus | null;

  @ApiProperty({ type: [PhaseDocumentDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PhaseDocumentDto)
  phases: PhaseDocumentDto[];

  @ApiProperty({ type: [ActivityDocumentDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ActivityDocumentDto)
  activities: ActivityDocumentDto[];

  @ApiPropertyOptional({ type: [IndicatorDocumentDto], default: [] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => IndicatorDocumentDto)
  indicators?: IndicatorDocumentDto[] | null;
}

/**
 * Validates a plain document exactly as the global ValidationPipe does, for documents that do not come
 * through HTTP (the shipped model program). Throws a FieldValidationException listing every problem.
 */
export async function parseProgramDocument(plain: unknown): Promise<ProgramDocumentDto> {
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) throw new FieldValidationException([{ field: 'body', message: 'a program document must be a JSON object' }]);
  const dto = plainToInstance(ProgramDocumentDto, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length) throw new FieldValidationException(flattenValidationErrors(errors));
  return dto;
}
