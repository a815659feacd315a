import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../../../platform/src/auth/roles.js';

export class CreateUserDto {
  @ApiProperty({ example: 'officer.20@rumbo.demo' })
  @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, example: 'una-clave-larga' })
  @IsString() @MinLength(10) @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Enlace de Oaxaca' })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: '20', description: 'Required for, and only for, state_officer' })
  @IsOptional() @Matches(/^\d{2}$/, { message: 'stateCode must be a two-digit INEGI code' })
  stateCode?: string;
}
