
/** Every role, weakest first. */
export const ROLES: readonly Role[] = ['viewer', 'trader', 'admin'];

/** The roles a user of `role` may give to an API key (never stronger than their own). */
export function rolesUpTo(role: Role | null): Role[] {
  return role ? ROLES.slice(0, ROLES.indexOf(role) + 1) : [];
}import type { Role } from '@mcube/contracts';

