import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CloseReviewRoundDto {
  @ApiProperty({ example: 'SNAIP/CEATP/ACUERDO/15/07/26/ORD02-03', description: 'The commission’s agreement that closes the round', maxLength: 300 })
  @IsString({ message: 'agreementReference is required and must be a text' }) @Matches(/\S/, { message: 'agreementReference must not be blank' }) @MaxLength(300)
  agreementReference: string;
}
