import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsDateOnly } from '../../../../platform/src/http/field-rules.js';

export class DifferencesQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Live figures as of this date; default the round’s own asOf (so only later corrections show)' })
  @IsOptional() @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: every figure with its `changed` flag; default only the ones that changed' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'all must be true or false' })
  all?: 'true' | 'false';
}
