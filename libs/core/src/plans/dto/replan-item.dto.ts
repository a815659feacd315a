import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Min } from 'class-validator';
import { IsDateOnly, IsJustification, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';

export class ReplanItemDto {
  @ApiPropertyOptional({ description: 'Only optional activities may be excluded' })
  @OptionalNotNull() @IsBoolean()
  included?: boolean;

  @ApiPropertyOptional({ example: '2025-03-01' })
  @OptionalNotNull() @IsDateOnly()
  plannedStart?: string;

  @ApiPropertyOptional({ example: '2025-04-30', description: 'Must not be before plannedStart. From a state officer, a date later than the item’s current due date is not applied: it becomes a re-plan request for the coordination (202)' })
  @OptionalNotNull() @IsDateOnly()
  plannedDue?: string;

  @ApiProperty({ example: 'La entidad amplió el plazo por el cambio de administración.' })
  @IsJustification()
  justification: string;

  @ApiPropertyOptional({ description: 'The version read; alternatively send it as the If-Match header. A stale version is refused with 409.' })
  @OptionalNotNull() @IsInt() @Min(1)
  version?: number;
}
