import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_KEY, ROLES_KEY } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser, Role } from '../../../platform/src/auth/roles.js';
import { AuthService } from './auth.service.js';

/**
 * Global guard: deny by default. A route is reachable only when it is marked `@Public()` or names its
 * roles with `@Auth(...)`; a route with neither is refused for everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw new ForbiddenException('This route has no access rule');

    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('Sign in first: missing bearer token');
    const user = await this.auth.authenticate(token);
    req.user = user;
    if (!roles.includes(user.role)) throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
    // A state officer never changes another state's records. Refusing here, before the body is validated,
    // keeps the answer a plain 403 whatever was sent; services still check scope (reads included) themselves.
    const stateParam = req.params?.stateCode;
    if (user.role === 'state_officer' && req.method !== 'GET' && typeof stateParam === 'string' && stateParam !== user.stateCode) {
      throw new ForbiddenException('You may not change records of this state');
    }
    return true;
  }
}
