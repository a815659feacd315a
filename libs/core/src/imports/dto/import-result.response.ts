import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_KINDS, type ImportKind } from '../import-batch.entity.js';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: '`true` (default): check the file and say what it would do, writing nothing. `false`: import it, in one transaction' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

export class ImportRowErrorResponse {
  @ApiProperty({ example: 3, description: 'Line of the CSV or row of the sheet; 1 is the header' }) line: number;
  @ApiProperty({ nullable: true, type: String, example: 'Orden de gobierno', description: 'The column as headed in the file; null for the whole row' }) column: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'order', description: 'The column’s key' }) field: string | null;
  @ApiProperty({ example: 'order must be one of: federal, state, municipal' }) message: string;
}

export class ImportRowResponse {
  @ApiProperty({ example: 2 }) line: number;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'] }) action: 'create' | 'update' | 'unchanged';
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The registered record it matched; null for a new one' }) recordId: string | null;
  @ApiProperty({ example: 'Secretaría de Finanzas', description: 'The institution’s name; for a report, activity · institution · date' }) label: string;
  @ApiProperty({ type: [String], example: ['acronym'], description: 'What an update changes' }) changes: string[];
}

export class ImportResultResponse {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ description: 'true: nothing was written' }) dryRun: boolean;
  @ApiProperty({ example: 'instituciones.xlsx' }) fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format: 'csv' | 'xlsx';
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the file: a confirmed import of the same file is done once' }) fileHash: string;
  @ApiProperty({ description: 'Rows read (not counting the header and empty rows)' }) rowCount: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: [ImportRowErrorResponse], description: 'Every problem found; a confirmed import with any is refused (400) and writes nothing' }) errors: ImportRowErrorResponse[];
  @ApiProperty({ type: [ImportRowResponse], description: 'What each row does (empty when there are errors)' }) rows: ImportRowResponse[];
  @ApiProperty({ description: 'This file was already imported into this state: a confirmed import writes nothing and answers the first import’s counts' }) alreadyImported: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the file was imported (confirmed imports)' }) importedAt: string | null;
}
