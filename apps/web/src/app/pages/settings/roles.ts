import { ROLES as CONTRACT_ROLES, type Role } from '@mcube/contracts';

/** Every role, weakest first (the API's list). */
export const ROLES: readonly Role[] = CONTRACT_ROLES;

/** The roles a user of `role` may give to an API key (never stronger than their own). */
export function rolesUpTo(role: Role | null): Role[] {
  return role ? ROLES.slice(0, ROLES.indexOf(role) + 1) : [];
}

