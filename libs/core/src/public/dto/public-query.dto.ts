import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly } from '../../../../platform/src/http/field-rules.js';

export class PublicQueryDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'Figures as of this date (YYYY-MM-DD); default today in the program’s time zone' })
  @IsOptional() @IsDateOnly()
  asOf?: string;
}
