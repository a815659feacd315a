import { ForbiddenException } from '@nestjs/common';
import { NATIONAL_READERS, type AuthUser, type Role } from './roles.js';

/**
 * State scoping, the one access call at the top of a service method. A state officer of another state is
 * refused before anything is looked up, so the answer (403) says nothing about what exists there.
 */
export function assertCanReadState(user: AuthUser, stateCode: string): void {
  if (NATIONAL_READERS.includes(user.role)) return;
  if (user.role === 'state_officer' && user.stateCode === stateCode) return;
  throw new ForbiddenException('You may not read records of this state');
}

/** Writers: the national roles named, plus the state's own officers when `stateOfficer` is allowed. */
export function assertCanWriteState(user: AuthUser, stateCode: string, nationalRoles: readonly Role[], stateOfficer = true): void {
  if (nationalRoles.includes(user.role)) return;
  if (stateOfficer && user.role === 'state_officer' && user.stateCode === stateCode) return;
  throw new ForbiddenException('You may not change records of this state');
}

/** The states whose unpublished records the user may list: all (`null`) or one. */
export function readableStateScope(user: AuthUser): string | null {
  return user.role === 'state_officer' ? user.stateCode : null;
}
