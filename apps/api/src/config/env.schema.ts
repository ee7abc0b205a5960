import { Transform } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);

/** 32 bytes as base64 (44 chars with padding, or 43 without) or as 64 hex digits. */
const KEY_32_BYTES = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;
const KEY_MESSAGE = (name: string) => `${name} must be 32 random bytes as base64 or 64 hex digits (generate one with: openssl rand -base64 32)`;
/** Comma-separated http(s) origins, no paths; empty keeps CORS closed. */
const ORIGINS = /^(?:https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?)(?:\s*,\s*https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?)*$/;

/**
 * Every environment variable the API reads, with its default. `.env.example` lists the same
 * names; a test keeps the two in step.
 */
export class EnvSchema {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '127.0.0.1';

  /** postgres://… switches from the embedded SQLite to PostgreSQL. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  SQLITE_PATH = './data/mcube.sqlite';

  @IsOptional() @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  MCUBE_LIVE_TRADING = false;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Folder of the built console (index.html); empty means the API serves no console. */
  @IsOptional() @IsString()
  MCUBE_WEB_DIST?: string;

  /** Console sessions expire this many hours after login (sliding is not used: a fixed lifetime). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(720)
  SESSION_TTL_HOURS = 12;

  /** Secure flag of the session cookies; unset means true in production, false otherwise (plain http on 127.0.0.1). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  SESSION_COOKIE_SECURE?: boolean;

  /** Comma-separated browser origins allowed by CORS; empty keeps CORS closed (the console is served same-origin). */
  @IsOptional() @Matches(ORIGINS, { message: 'CORS_ORIGINS must be a comma-separated list of http(s)://host[:port] origins' })
  CORS_ORIGINS?: string;

  /** Trust X-Forwarded-For from one reverse proxy, so rate limits see the client address. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  /** Failed logins in a row before the account is locked. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_LOCKOUT_MINUTES = 15;

  /** Login attempts allowed per client address + username within the window. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_RATE_LIMIT = 10;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  LOGIN_RATE_WINDOW_SECONDS = 300;

  /** AES-256-GCM key for broker credentials at rest; required before any credential is stored. */
  @IsOptional() @Matches(KEY_32_BYTES, { message: KEY_MESSAGE('MCUBE_CREDENTIALS_KEY') })
  MCUBE_CREDENTIALS_KEY?: string;

  /** The key being rotated out: still decrypts, never encrypts. */
  @IsOptional() @Matches(KEY_32_BYTES, { message: KEY_MESSAGE('MCUBE_CREDENTIALS_KEY_PREVIOUS') })
  MCUBE_CREDENTIALS_KEY_PREVIOUS?: string;

  @IsOptional() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'MCUBE_ADMIN_USERNAME must be 3-64 characters of a-z 0-9 . _ -' })
  MCUBE_ADMIN_USERNAME = 'admin';

  /** Password of the first admin created by `init`; unset means a one-time password is generated and printed once. */
  @IsOptional() @IsString() @MinLength(12, { message: 'MCUBE_ADMIN_PASSWORD must be at least 12 characters' }) @MaxLength(256)
  MCUBE_ADMIN_PASSWORD?: string;
}

/** The names of every variable EnvSchema declares (decorated properties, with or without a default). */
export function envVariableNames(): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(EnvSchema, '', true, false);
  return [...new Set(metas.map((m) => m.propertyName))].sort();
}
