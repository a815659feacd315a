import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsDateOnly, JUSTIFICATION_MAX, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';

/** Corrections and exit; an institution is never deleted. */
export class UpdateInstitutionDto {
  @ApiPropertyOptional({ example: 'Secretaría de Finanzas y Planeación' })
  @OptionalNotNull() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ example: 'SEFIPLAN', nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(40)
  acronym?: string | null;

  @ApiPropertyOptional({ example: '2025-12-31', nullable: true, type: String, description: 'Exit date (≥ joinedOn); null undoes an exit' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsDateOnly({ message: 'exitedOn must be a calendar date YYYY-MM-DD, or null' })
  exitedOn?: string | null;

  @ApiPropertyOptional({ example: 'La dependencia se fusionó con otra.' })
  @IsOptional() @IsString() @Matches(/\S/, { message: 'justification must not be blank' }) @MaxLength(JUSTIFICATION_MAX)
  justification?: string;
}
