import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../../platform/src/auth/roles.js';
import { IsAcceptablePassword, PASSWORD_MAX, PASSWORD_MIN } from '../password-policy.js';

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, example: '20' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d{2}$/, { message: 'stateCode must be a two-digit INEGI code' })
  stateCode?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: 'The same policy as on creation; checked against the account’s email' })
  @IsOptional() @IsString() @IsAcceptablePassword()
  password?: string;
}
