import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly } from '../../../../platform/src/http/field-rules.js';

/** Letters, digits, `.`, `_` and `-`, starting with a letter or digit: it is used in paths. */
export const ROUND_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class CreateReportingRoundDto {
  @ApiProperty({ example: '2025-Q1', description: 'Unique in the program; letters, digits, ".", "_" and "-"' })
  @IsString({ message: 'code is required and must be a text' })
  @Matches(ROUND_CODE, { message: 'code may hold only letters, digits, ".", "_" and "-", starting with a letter or digit' })
  @MaxLength(40)
  code: string;

  @ApiPropertyOptional({ example: 'Primer trimestre 2025', nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(200)
  name?: string | null;

  @ApiProperty({ example: '2025-01-01' })
  @IsDateOnly()
  periodStart: string;

  @ApiProperty({ example: '2025-03-31', description: '≥ periodStart' })
  @IsDateOnly()
  periodEnd: string;

  @ApiProperty({ example: '2025-04-15', description: '≥ periodEnd: a round reports on its period, so it falls due once the period is over' })
  @IsDateOnly()
  dueOn: string;
}
