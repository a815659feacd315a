import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsObject, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDateOnly, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../programs/activity.entity.js';
import { REPORT_STATUSES, type ReportStatus } from '../report.entity.js';

export const NARRATIVE_MAX = 10_000;
export const EVIDENCE_MAX = 30;

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS, example: 'dataset', description: '`url` and `dataset` need `url`; `document` needs `fileId` (uploaded to the same state)' })
  @IsIn(EVIDENCE_KINDS, { message: `kind must be one of: ${EVIDENCE_KINDS.join(', ')}` })
  kind: EvidenceKind;

  @ApiProperty({ example: 'Padrón de obra pública 2025', maxLength: 300 })
  @IsString() @Matches(/\S/, { message: 'title must not be blank' }) @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 'https://datos.oaxaca.gob.mx/dataset/obra-publica-2025', description: 'http or https only' })
  @OptionalNotNull() @IsString() @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true }, { message: 'url must be a valid http(s) URL' })
  url?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For `document`: the id returned by POST …/files for this state' })
  @OptionalNotNull() @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId?: string;

  @ApiPropertyOptional({ example: true, description: 'Datos de alto valor (datasets only)' })
  @OptionalNotNull() @IsBoolean()
  highValue?: boolean;

  @ApiPropertyOptional({ example: 'CSV', maxLength: 60 })
  @OptionalNotNull() @IsString() @MaxLength(60)
  format?: string;

  @ApiPropertyOptional({ example: 'CC-BY-4.0', maxLength: 120 })
  @OptionalNotNull() @IsString() @MaxLength(120)
  licence?: string;

  @ApiPropertyOptional({ example: 'F-01', maxLength: 40, description: 'For `document`: the code of the activity’s format this file is the filled copy of (see the activity’s `formats`)' })
  @OptionalNotNull() @IsString() @Matches(/\S/, { message: 'formatCode must not be blank' }) @MaxLength(40)
  formatCode?: string;
}

const EXAMPLE_EVIDENCE = [
  { kind: 'dataset', title: 'Padrón de obra pública 2025', url: 'https://datos.oaxaca.gob.mx/dataset/obra-publica-2025', highValue: true, format: 'CSV', licence: 'CC-BY-4.0' },
  { kind: 'url', title: 'Ficha DCAT del conjunto', url: 'https://datos.oaxaca.gob.mx/catalogo/dcat/obra-publica-2025.jsonld' },
  { kind: 'document', title: 'Acta de verificación de metadatos', fileId: '3b241101-e2bb-4255-8caf-4136c566a962' },
];

export class CreateReportDto {
  @ApiProperty({ example: '4.4', description: 'Code of an included activity of the state’s plan' })
  @IsString() @Matches(/\S/, { message: 'activityCode must not be blank' }) @MaxLength(20)
  activityCode: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Required for institution-level activities (an institution registered in this state and active on reportedOn); refused for state-level ones' })
  @IsOptional() @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId?: string | null;

  @ApiProperty({ enum: REPORT_STATUSES, example: 'in_progress' })
  @IsIn(REPORT_STATUSES, { message: `status must be one of: ${REPORT_STATUSES.join(', ')}` })
  status: ReportStatus;

  @ApiProperty({ example: 60, minimum: 0, maximum: 100, description: '`completed` needs 100, `not_started` needs 0; at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'percent must be a number with at most two decimals' })
  @Min(0) @Max(100)
  percent: number;

  @ApiProperty({ example: '2025-11-28', description: 'The date the report describes: not in the future (program time zone), not before the state joined' })
  @IsDateOnly()
  reportedOn: string;

  @ApiPropertyOptional({ example: 'Se publicaron 3 conjuntos con metadatos DCAT; uno es de alto valor.', maxLength: NARRATIVE_MAX, nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(NARRATIVE_MAX)
  narrative?: string | null;

  @ApiPropertyOptional({ example: { conjuntos_publicados: 3 }, description: 'Values (numbers ≥ 0) of metrics the activity declares', type: 'object', additionalProperties: { type: 'number', minimum: 0 } })
  @OptionalNotNull() @IsObject({ message: 'metrics must be an object of metric name → number' })
  metrics?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [EvidenceDto], example: EXAMPLE_EVIDENCE, maxItems: EVIDENCE_MAX })
  @OptionalNotNull() @IsArray() @ArrayMaxSize(EVIDENCE_MAX) @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

/** Whole request bodies for the OpenAPI document. */
export const REPORT_BODY_EXAMPLES = {
  datasets: {
    summary: 'Institution-level activity with dataset evidence',
    value: {
      activityCode: '4.4',
      institutionId: '6f1c2a9e-3d41-4a8b-9f0e-2b7d5c8e1a34',
      status: 'in_progress',
      percent: 60,
      reportedOn: '2025-11-28',
      narrative: 'Se publicaron 3 conjuntos con metadatos DCAT; uno es de alto valor.',
      metrics: { conjuntos_publicados: 3 },
      evidence: EXAMPLE_EVIDENCE,
    },
  },
  stateLevel: {
    summary: 'State-level activity with a metric and an uploaded document',
    value: {
      activityCode: '2.1',
      status: 'completed',
      percent: 100,
      reportedOn: '2025-06-30',
      narrative: 'Se realizaron 6 jornadas regionales de sensibilización.',
      metrics: { personas_sensibilizadas: 240 },
      evidence: [{ kind: 'document', title: 'Listas de asistencia', fileId: '3b241101-e2bb-4255-8caf-4136c566a962' }],
    },
  },
};
