import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, OptionalNotNull } from '../../../../platform/src/http/field-rules.js';
import { GOVERNMENT_ORDERS, type GovernmentOrder } from '../institution.entity.js';

export class CreateInstitutionDto {
  @ApiProperty({ example: 'Secretaría de Finanzas', description: 'Unique in the state’s participation (ignoring case, accents and spaces)' })
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ example: 'SEFIN', nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(40)
  acronym?: string | null;

  @ApiProperty({ enum: GOVERNMENT_ORDERS, description: 'Order of government' })
  @IsIn(GOVERNMENT_ORDERS, { message: `order must be one of: ${GOVERNMENT_ORDERS.join(', ')}` })
  order: GovernmentOrder;

  @ApiPropertyOptional({ example: '2025-03-01', description: 'Defaults to today in the program’s time zone; not before the state joined' })
  @OptionalNotNull() @IsDateOnly()
  joinedOn?: string;
}
