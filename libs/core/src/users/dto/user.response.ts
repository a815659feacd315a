import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../platform/src/auth/roles.js';
import type { User } from '../user.entity.js';

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) stateCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}

export function toUserResponse(u: User): UserResponse {
  return { id: u.id, email: u.email, name: u.name, role: u.role, stateCode: u.stateCode, active: u.active, createdAt: u.createdAt.toISOString() };
}
