import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsStateCode, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';
import { FINDING_TYPES, type FindingType } from '../review-finding.entity.js';

export class CreateFindingDto {
  @ApiProperty({ enum: FINDING_TYPES, example: 'missing_evidence' })
  @IsIn(FINDING_TYPES, { message: `type must be one of: ${FINDING_TYPES.join(', ')}` })
  type: FindingType;

  @ApiProperty({ example: '20', description: 'A state with a participation in the program' })
  @IsString() @IsStateCode()
  stateCode: string;

  @ApiPropertyOptional({ example: '4.4', description: 'An activity of the program, when the finding is about one' })
  @OptionalNotNull() @IsString() @Matches(/\S/, { message: 'activityCode must not be blank' }) @MaxLength(20)
  activityCode?: string;

  @ApiProperty({ example: 'Los conjuntos reportados no tienen metadatos DCAT.', maxLength: 5000 })
  @IsString({ message: 'description is required and must be a text' }) @Matches(/\S/, { message: 'description must not be blank' }) @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({ example: '2026-08-31', description: 'When the state should answer it' })
  @OptionalNotNull() @IsDateOnly()
  dueOn?: string;
}
