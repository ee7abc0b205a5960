/** The three roles of mCube: a viewer can read everything and change nothing. */
export type Role = 'admin' | 'trader' | 'viewer';

/** All roles, weakest last. */
export const ROLES: readonly Role[] = ['admin', 'trader', 'viewer'];

/** Whether `held` is at least as strong as `needed` (admin > trader > viewer). */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) <= ROLES.indexOf(needed);
}

/** Who is calling: a console user by session cookie, or a script by API key. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  via: 'session' | 'api-key';
  /** Session id hash (session auth) or API key id (key auth). */
  credentialId: string;
  /** Name of the API key used (key auth only). */
  apiKeyName?: string;
  /** The session's CSRF token; absent for API keys, which are exempt from CSRF. */
  csrfToken?: string;
  /** The user must choose a new password before anything but the password-change routes answers. */
  mustChangePassword?: boolean;
}
