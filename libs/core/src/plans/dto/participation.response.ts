import { ApiProperty } from '@nestjs/swagger';
import type { Participation } from '../participation.entity.js';

export class ParticipationResponse {
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ example: '2025-01-15' }) joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) exitedOn: string | null;
}

export function toParticipationResponse(p: Participation, stateName: string): ParticipationResponse {
  return { stateCode: p.stateCode, stateName, joinedOn: p.joinedOn, exitedOn: p.exitedOn };
}
