import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../openapi/error-response.js';
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
    // Machine-readable for clients and the contract test, which calls each route as an allowed role.
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'Missing or invalid access token', type: ErrorResponse }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}`, type: ErrorResponse }),
  );
}

/** Any signed-in role. */
export const AnyRole = () => Auth(...ROLES);

export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The signed-in caller, set by the auth guard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
