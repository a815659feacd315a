import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsStateCode } from '../../../../platform/src/http/field-rules.js';

export const AUDITED_ENTITY_TYPES = ['user', 'program', 'participation', 'plan_item', 'institution', 'report', 'review_round', 'reporting_round', 'state_authority'] as const;

export class AuditQueryDto {
  @ApiPropertyOptional({ enum: AUDITED_ENTITY_TYPES }) @IsOptional() @IsIn(AUDITED_ENTITY_TYPES)
  entityType?: string;

  @ApiPropertyOptional() @IsOptional() @IsString()
  entityId?: string;

  @ApiPropertyOptional({ example: 'plan_item.replan' }) @IsOptional() @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action looks like plan_item.replan' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ example: '20' }) @IsOptional() @IsStateCode()
  stateCode?: string;

  @ApiPropertyOptional({ example: '2025-01-01', format: 'date' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', format: 'date' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
