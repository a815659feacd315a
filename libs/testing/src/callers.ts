import type { Role } from '../../platform/src/auth/roles.js';
import type { TestApp } from './test-app.js';

/** Who calls a route in a role-matrix test: a role, the state's own officer, another state's officer, or nobody. */
export type Caller = Exclude<Role, 'state_officer'> | 'own officer' | 'other officer' | 'anonymous';

export const CALLERS: readonly Caller[] = ['admin', 'coordinator', 'reviewer', 'own officer', 'other officer', 'anonymous'];

/** The headers of a signed-in caller (none for `anonymous`); officers of `states.own` and `states.other`. */
export async function callerHeaders(t: TestApp, caller: Caller, states: { own: string; other: string } = { own: '20', other: '07' }): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  if (caller === 'own officer') return (await t.as('state_officer', states.own)).auth;
  if (caller === 'other officer') return (await t.as('state_officer', states.other)).auth;
  return (await t.as(caller)).auth;
}
