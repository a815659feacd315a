import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';

/** Letters, digits, `.`, `_` and `-`, starting with a letter or digit: it is cited and used in paths. */
export const REVIEW_ROUND_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class CreateReviewRoundDto {
  @ApiPropertyOptional({ example: 'CEATP-2026-1', description: 'Citable code, unique in the program; default `RR-<year>-<nnn>` (that form is reserved for generated codes)' })
  @OptionalNotNull() @IsString({ message: 'code must be a text' })
  @Matches(REVIEW_ROUND_CODE, { message: 'code may hold only letters, digits, ".", "_" and "-", starting with a letter or digit' })
  @MaxLength(40)
  code?: string;

  @ApiProperty({ example: 'Revisión del primer semestre 2026', maxLength: 300 })
  @IsString({ message: 'title is required and must be a text' }) @Matches(/\S/, { message: 'title must not be blank' }) @MaxLength(300)
  title: string;

  @ApiProperty({ example: '2026-06-30', description: 'The date the frozen figures describe; not after today (program time zone)' })
  @IsDateOnly()
  asOf: string;
}
