import { Module } from '@nestjs/common';
import { StatesModule } from '../states/states.module.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({ imports: [StatesModule], controllers: [UsersController], providers: [UsersRepository, UsersService], exports: [UsersRepository, UsersService] })
export class UsersModule {}
