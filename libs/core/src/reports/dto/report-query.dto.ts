import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsDateOnly, IsStateCode } from '../../../../platform/src/http/field-rules.js';
import { REVIEW_STATES, type ReviewState } from '../report.entity.js';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class ReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '4.4' }) @IsOptional() @IsString() @MaxLength(20)
  activityCode?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({ enum: REVIEW_STATES }) @IsOptional() @IsIn(REVIEW_STATES, { message: `reviewState must be one of: ${REVIEW_STATES.join(', ')}` })
  reviewState?: ReviewState;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'reportedOn ≥ from' }) @IsOptional() @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'reportedOn ≤ to' }) @IsOptional() @IsDateOnly()
  to?: string;
}

export class ReviewQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '20', description: 'Only this state' })
  @IsOptional() @IsStateCode()
  stateCode?: string;
}
