/** Login protection: lock-out after repeated failures plus a per-address+username rate limit. */
export interface LoginSecurityConfig {
  maxFailures: number;
  lockoutMinutes: number;
  rateLimit: number;
  rateWindowSeconds: number;
}

/** One AES-256-GCM key with its id (first 16 hex digits of its SHA-256), stored beside each ciphertext. */
export interface CredentialKey {
  id: string;
  key: Buffer;
}

/** The typed configuration of the API, built once at boot from the environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Where SQLite lives by default (`./data/mcube.sqlite`), or a PostgreSQL URL. */
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  /** Redis for BullMQ and health; absent means the in-process defaults. */
  redisUrl?: string;
  /** Paper trading is the default; live needs MCUBE_LIVE_TRADING=true and credentials. */
  liveTrading: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the built console to serve at `/`, if any. */
  webDist?: string;
  /** Console sessions and the HTTP edge. */
  security: {
    sessionTtlHours: number;
    cookieSecure: boolean;
    /** Empty: CORS closed. */
    corsOrigins: string[];
    trustProxy: boolean;
    login: LoginSecurityConfig;
  };
  /** Broker-credential encryption; `current` absent means no credential can be written. */
  credentials: { current?: CredentialKey; previous?: CredentialKey };
  /** The first admin created by `init`. */
  admin: { username: string; password?: string };
}

/** DI token for the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');
