import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsDateOnly, IsJustification } from '../../../../platform/src/http/field-rules.js';

/** Withdrawal (a date) or re-admission (`null`); the history is kept either way. */
export class UpdateParticipationDto {
  @ApiProperty({ example: '2025-09-30', nullable: true, type: String, description: 'Exit date (≥ join date), or null to re-admit' })
  @ValidateIf((_, v) => v !== null)
  @IsDateOnly({ message: 'exitedOn must be a calendar date YYYY-MM-DD, or null to re-admit' })
  exitedOn: string | null;

  @ApiProperty({ example: 'El organismo garante comunicó su retiro por oficio.' })
  @IsJustification()
  justification: string;
}
