/** A role of mCube, weakest first. */
export type Role = 'viewer' | 'trader' | 'admin';

/** The user as the API shows it (GET /api/auth/me, POST /api/auth/login, GET /api/users). */
export interface UserView {
  id: number;
  username: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

/** POST /api/auth/login answer. */
export interface LoginResponse {
  user: UserView;
  csrfToken: string;
  expiresAt: string;
}

/** GET /api/auth/me answer. */
export interface MeResponse {
  user: UserView;
  via: 'session' | 'api-key';
  role: Role;
  csrfToken: string | null;
}
