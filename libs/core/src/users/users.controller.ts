import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserResponse } from './dto/user.response.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Auth('admin')
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(user, dto);
  }

  @Get()
  @Auth('admin')
  @ApiOkResponse({ type: [UserResponse] })
  list() {
    return this.users.list();
  }

  @Patch(':userId')
  @ApiUuidParam('userId')
  @Auth('admin')
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentUser() user: AuthUser, @Param('userId', uuidParam('userId')) userId: string, @Body() dto: UpdateUserDto) {
    return this.users.update(user, userId, dto);
  }
}
