import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsStateCode, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';

export const SUMMARY_MAX = 2000;

export class SubmitReportingRoundDto {
  @ApiPropertyOptional({ example: '20', description: 'A state officer submits for its own state (may be omitted); a coordinator names the state it records on behalf of' })
  @OptionalNotNull() @IsString() @IsStateCode()
  stateCode?: string;

  @ApiProperty({ example: 'Se concluyó el inventario de datos y se capacitó a 40 personas servidoras públicas.', maxLength: SUMMARY_MAX })
  @IsString({ message: 'summary is required and must be a text' })
  @Matches(/\S/, { message: 'summary must not be blank' })
  @MaxLength(SUMMARY_MAX)
  summary: string;
}
