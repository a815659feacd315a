import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../../platform/src/auth/roles.js';
import { IsAcceptablePassword, PASSWORD_MAX, PASSWORD_MIN } from '../password-policy.js';
import { IsStateCode } from '../../../../platform/src/http/field-rules.js';

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, example: '20', description: 'Required for, and only for, state_officer; null unbinds' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsStateCode()
  stateCode?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: 'The same policy as on creation; checked against the account’s email' })
  @IsOptional() @IsString() @IsAcceptablePassword()
  password?: string;
}
