import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { IsDateOnly } from '../../../../platform/src/http/field-rules.js';

export class GenerateQuarterlyRoundsDto {
  @ApiProperty({ example: '2025-01-01', description: 'Every calendar quarter overlapping [from, to] becomes a round' })
  @IsDateOnly()
  from: string;

  @ApiProperty({ example: '2025-12-31', description: '≥ from; at most 40 quarters' })
  @IsDateOnly()
  to: string;

  @ApiPropertyOptional({ example: 15, default: 15, minimum: 0, maximum: 366, description: 'Calendar days after the quarter ends' })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt({ message: 'dueDays must be a whole number of days' }) @Min(0) @Max(366)
  dueDays?: number;
}
