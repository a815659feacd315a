import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly, IsStateCode } from '../../../../platform/src/http/field-rules.js';

export class ProgressQueryDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'Figures as of this date (YYYY-MM-DD); default today in the program’s time zone' })
  @IsOptional() @IsDateOnly()
  asOf?: string;
}

export class ExplainQueryDto extends ProgressQueryDto {
  @ApiPropertyOptional({ example: '20', description: 'Explain this state’s figures; without it, the national ones' })
  @IsOptional() @IsStateCode()
  stateCode?: string;
}

export class SnapshotQueryDto {
  @ApiPropertyOptional({ example: '20', description: 'One state’s daily figures; without it, the national ones' })
  @IsOptional() @IsStateCode()
  stateCode?: string;

  @ApiPropertyOptional({ example: '2025-01-01' }) @IsOptional() @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31' }) @IsOptional() @IsDateOnly()
  to?: string;
}
