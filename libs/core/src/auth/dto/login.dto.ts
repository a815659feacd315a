import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponse } from '../../users/dto/user.response.js';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@rumbo.demo' })
  @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'rumbo-demo' })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
