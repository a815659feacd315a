import { ApiProperty } from '@nestjs/swagger';
import type { StateAuthority } from '../state-authority.entity.js';
import type { State } from '../state.entity.js';

export class StateAuthorityResponse {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) acronym: string | null;
  @ApiProperty({ example: '2015-05-04' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String }) validTo: string | null;
}

export class StateResponse {
  @ApiProperty({ example: '20' }) code: string;
  @ApiProperty({ example: 'Oaxaca' }) name: string;
  @ApiProperty() shortName: string;
  @ApiProperty() abbreviation: string;
  @ApiProperty({ example: 'MX-OAX' }) isoCode: string;
  @ApiProperty({ type: StateAuthorityResponse, nullable: true, description: 'The body holding the state authority role today' })
  authority: StateAuthorityResponse | null;
}

export function toStateAuthorityResponse(a: StateAuthority): StateAuthorityResponse {
  return { name: a.name, acronym: a.acronym, validFrom: a.validFrom, validTo: a.validTo };
}

export function toStateResponse(s: State, authority: StateAuthority | undefined): StateResponse {
  return { code: s.code, name: s.name, shortName: s.shortName, abbreviation: s.abbreviation, isoCode: s.isoCode, authority: authority ? toStateAuthorityResponse(authority) : null };
}
