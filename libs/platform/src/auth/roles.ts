export const ROLES = ['admin', 'coordinator', 'state_officer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that read every state's records. */
export const NATIONAL_READERS: readonly Role[] = ['admin', 'coordinator', 'reviewer'];

/** What a request knows about its caller once the token is verified. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set for, and only for, a state_officer. */
  stateCode: string | null;
}
