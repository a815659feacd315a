import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ProgressQueryDto } from '../../progress/dto/progress-query.dto.js';
import { IsStateCode } from '../../../../platform/src/http/field-rules.js';

export const RISK_LIMIT_DEFAULT = 20;
export const RISK_LIMIT_MAX = 500;

export class RiskQueryDto extends ProgressQueryDto {
  @ApiPropertyOptional({ example: '20', pattern: '^\\d{2}$', description: 'Only this state; a state officer always gets its own state' })
  @IsOptional() @IsStateCode()
  stateCode?: string;

  @ApiPropertyOptional({ default: RISK_LIMIT_DEFAULT, minimum: 1, maximum: RISK_LIMIT_MAX, description: 'How many of the riskiest items to list' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(RISK_LIMIT_MAX)
  limit?: number;
}
