import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, type AuthUser, type Role } from './roles.js';

export const ROLES_KEY = 'rumbo:roles';
export const PUBLIC_KEY = 'rumbo:public';

/**
 * Names the roles that may call a route, and documents it. A route with neither `@Auth` nor `@Public`
 * is refused for everyone (deny by default).
 */
export function Auth(...roles: [Role, ...Role[]]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing or invalid access token' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );
}

/** Any signed-in role. */
export const AnyRole = () => Auth(...ROLES);

export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The signed-in caller, set by the auth guard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
