import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../../platform/src/auth/roles.js';
import { IsAcceptablePassword, PASSWORD_MAX, PASSWORD_MIN } from '../password-policy.js';
import { IsStateCode } from '../../../../platform/src/http/field-rules.js';

export class CreateUserDto {
  @ApiProperty({ example: 'officer.20@rumbo.demo' })
  @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, example: 'una-clave-larga', description: 'Not blank, not one character repeated, not a common password, neither the email nor containing its user name' })
  @IsString() @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'Enlace de Oaxaca' })
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: '20', description: 'Required for, and only for, state_officer' })
  @IsOptional() @IsStateCode()
  stateCode?: string;
}
