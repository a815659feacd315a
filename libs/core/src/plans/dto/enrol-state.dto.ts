import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsDateOnly, IsStateCode } from '../../../../platform/src/http/field-rules.js';

export class EnrolStateDto {
  @ApiProperty({ example: '20', description: 'INEGI code of the state' })
  @IsStateCode()
  stateCode: string;

  @ApiProperty({ example: '2025-01-15', description: 'Join date; the plan is dated from it' })
  @IsDateOnly()
  joinedOn: string;
}
