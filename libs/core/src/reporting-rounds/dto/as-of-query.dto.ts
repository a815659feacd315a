import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly } from '../../../../platform/src/http/field-rules.js';

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'Defaults to today in the program’s time zone' })
  @IsOptional() @IsDateOnly()
  asOf?: string;
}
