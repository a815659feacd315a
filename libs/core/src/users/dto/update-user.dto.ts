import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../../platform/src/auth/roles.js';

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, example: '20' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d{2}$/, { message: 'stateCode must be a two-digit INEGI code' })
  stateCode?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 10 }) @IsOptional() @IsString() @MinLength(10) @MaxLength(200)
  password?: string;
}
