import { ApiProperty } from '@nestjs/swagger';
import { GOVERNMENT_ORDERS, type GovernmentOrder, type Institution } from '../institution.entity.js';

export class InstitutionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Secretaría de Finanzas' }) name: string;
  @ApiProperty({ nullable: true, type: String }) acronym: string | null;
  @ApiProperty({ enum: GOVERNMENT_ORDERS }) order: GovernmentOrder;
  @ApiProperty({ example: '2025-03-01' }) joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) exitedOn: string | null;
}

export function toInstitutionResponse(i: Institution): InstitutionResponse {
  return { id: i.id, name: i.name, acronym: i.acronym, order: i.orderOfGovernment, joinedOn: i.joinedOn, exitedOn: i.exitedOn };
}
