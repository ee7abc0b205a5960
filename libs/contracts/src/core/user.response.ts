/** A role of mCube, weakest first. */
export const ROLES = ['viewer', 'trader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The user as the API shows it (GET /api/users, POST /api/users, PATCH /api/users/:id, login and me). */
export interface UserResponse {
  id: number;
  username: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

/** POST /api/auth/login: the user, the CSRF token to echo, and when the session ends. */
export interface LoginResponse {
  user: UserResponse;
  csrfToken: string;
  expiresAt: string;
}

/** GET /api/auth/me: the caller, how they came in, and the CSRF token of a console session. */
export interface MeResponse {
  user: UserResponse;
  via: 'session' | 'api-key';
  role: Role;
  csrfToken: string | null;
}

/** GET /api/api-keys item: never the key nor its hash. */
export interface ApiKeyResponse {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api/api-keys: the new key; `key` is the only time the clear key is ever shown. */
export interface CreatedApiKeyResponse extends ApiKeyResponse {
  key: string;
}

/** One audit-log row (values are JSON text, secrets redacted). */
export interface AuditEntryResponse {
  id: number;
  /** Username, `<user> (api key <name>)` for a script, or `system`. */
  actor: string;
  actorUserId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  oldValue: string | null;
  newValue: string | null;
  correlationId: string | null;
  /** When it was recorded (wall clock). */
  at: string;
}

/** GET /api/audit-log: a page, newest first. */
export interface AuditPageResponse {
  items: AuditEntryResponse[];
  total: number;
}
