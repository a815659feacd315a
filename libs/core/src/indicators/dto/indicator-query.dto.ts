import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly, IsStateCode } from '../../../../platform/src/http/field-rules.js';

export class IndicatorQueryDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'Figures as of this date (YYYY-MM-DD); default today in the program’s time zone' })
  @IsOptional() @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({ example: '20', description: 'One state’s figures (a state that has a participation in the program); without it, the national ones' })
  @IsOptional() @IsStateCode()
  stateCode?: string;
}

export class IndicatorSeriesQueryDto {
  @ApiPropertyOptional({ example: '20', description: 'One state’s series; without it, the national one' })
  @IsOptional() @IsStateCode()
  stateCode?: string;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'First date; default the program’s earliest join date' })
  @IsOptional() @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last date; default today in the program’s time zone' })
  @IsOptional() @IsDateOnly()
  to?: string;
}
