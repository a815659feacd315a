import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification.entity.js';
import { IsStateCode } from '../../../../platform/src/http/field-rules.js';

export class NotificationQueryDto {
  @ApiPropertyOptional({ example: '20', description: 'Only this state (a state officer sees only its own state, the default for it)' })
  @IsOptional() @IsStateCode()
  stateCode?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional() @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of: ${NOTIFICATION_KINDS.join(', ')}` })
  kind?: NotificationKind;

  @ApiPropertyOptional({ enum: ['open', 'resolved'], description: '`open`: not resolved yet; `resolved`: the item reached 100 %, was excluded or re-planned; absent: both' })
  @IsOptional() @IsIn(['open', 'resolved'], { message: 'status must be one of: open, resolved' })
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
