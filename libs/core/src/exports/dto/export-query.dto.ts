import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TABLE_FORMATS, type TableFormat } from '../../../../platform/src/tables/export-file.js';
import { IndicatorQueryDto } from '../../indicators/dto/indicator-query.dto.js';
import { ProgressQueryDto } from '../../progress/dto/progress-query.dto.js';

export class TableExportQueryDto {
  @ApiProperty({ enum: TABLE_FORMATS, description: '`xlsx` (a workbook, es-MX headers and words) or `csv` (UTF-8, column keys as headers, codes as they are)' })
  @IsIn(TABLE_FORMATS, { message: `format must be one of: ${TABLE_FORMATS.join(', ')}` })
  format: TableFormat;
}

export class ProgressExportQueryDto extends IntersectionType(ProgressQueryDto, TableExportQueryDto) {}

export class IndicatorExportQueryDto extends IntersectionType(IndicatorQueryDto, TableExportQueryDto) {}

export const ROUND_FORMATS = ['pdf', 'xlsx'] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

export class ReviewRoundExportQueryDto {
  @ApiProperty({ enum: ROUND_FORMATS, description: '`pdf` (the commission report) or `xlsx` (one sheet per table)' })
  @IsIn(ROUND_FORMATS, { message: `format must be one of: ${ROUND_FORMATS.join(', ')}` })
  format: RoundFormat;
}
