import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AppConfig } from '../../../platform/src/config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LOGIN_THROTTLER } from './login-throttler.guard.js';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      // In demo mode without a configured key, a random key per start: tokens simply expire on restart.
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every
        // verify, which costs about a millisecond per request.
        secret: createSecretKey(Buffer.from(config.RUMBO_JWT_SECRET ?? randomBytes(32).toString('hex'))),
        signOptions: { expiresIn: config.RUMBO_TOKEN_TTL as `${number}h` },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: LOGIN_THROTTLER, ttl: 60_000, limit: config.RUMBO_LOGIN_ATTEMPTS_PER_MINUTE, setHeaders: false }],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
