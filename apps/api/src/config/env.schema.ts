import { Transform } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsRealIsoDate } from '../common/validation/iso-date';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);

/** 32 bytes as base64 (44 chars with padding, or 43 without) or as 64 hex digits. */
const KEY_32_BYTES = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;
const KEY_MESSAGE = (name: string) => `${name} must be 32 random bytes as base64 or 64 hex digits (generate one with: openssl rand -base64 32)`;
/** One e-mail address, optionally with a display name. */
const ADDRESS = String.raw`[^\s@<>,"]+@[^\s@<>,"]+\.[^\s@<>,"]+`;
const EMAIL_ADDRESS = new RegExp(String.raw`^(?:${ADDRESS}|[^<>\r\n,]{1,80}<${ADDRESS}>)$`);
const EMAIL_LIST = new RegExp(String.raw`^${ADDRESS}(?:\s*,\s*${ADDRESS})*$`);
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

  /**
   * The Kotak Neo login host, the only Kotak host configured: trade calls go to the host the
   * login answer names, master files to the URLs Kotak lists. A loopback http URL only for tests.
   */
  @IsOptional() @Matches(/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/?$/, { message: 'KOTAK_NEO_LOGIN_URL must be an https://host URL without a path' })
  KOTAK_NEO_LOGIN_URL = 'https://mis.kotaksecurities.com';

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

  /**
   * Trust X-Forwarded-For from exactly one reverse proxy, so the login throttle sees each
   * client's own address. Behind a proxy with this false, every client has the proxy's address.
   */
  @IsOptional() @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  /** Failed logins (or password checks) per address + username, or per known browser, before waits start. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES = 5;

  /** Longest wait between attempts once the failures are used up (the waits double up to it). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_BACKOFF_MAX_MINUTES = 15;

  /** Failed logins per client address (all usernames, browsers not known for the username) per window. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  LOGIN_ADDRESS_MAX_FAILURES = 50;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_ADDRESS_WINDOW_MINUTES = 15;

  /** How often an open /ws socket's session or API key is checked again (it closes when no longer valid). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  WS_SESSION_RECHECK_SECONDS = 30;

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

  /** Where market data comes from: the seeded simulator (default) or a replay of real history. */
  @IsOptional() @IsIn(['sim', 'replay'], { message: 'MCUBE_MARKET_SOURCE must be sim or replay' })
  MCUBE_MARKET_SOURCE: 'sim' | 'replay' = 'sim';

  /** Seed of the simulator: same seed, same market. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(2_147_483_647)
  MCUBE_SIM_SEED = 1;

  /** Market clock speed: 1 = real time; above 1 the market runs that many times faster through sessions only (375 = a trading day per minute). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  MCUBE_SIM_SPEED = 1;

  /**
   * First IST day of the simulator (YYYY-MM-DD; a holiday or weekend moves to the next trading
   * day): the market clock starts at its open. Unset = the trading day before today. A stored
   * market clock that is later wins (a market never rewinds; see the README).
   */
  @IsOptional() @IsRealIsoDate({ message: 'MCUBE_SIM_START must be a real IST date YYYY-MM-DD' })
  MCUBE_SIM_START?: string;

  /** Data folder of the replay, in the layout of ../shared/data/; unset = that folder when it exists. */
  @IsOptional() @IsString() @MinLength(1)
  MCUBE_REPLAY_DATA_DIR?: string;

  /** First IST date the replay shows (YYYY-MM-DD); unset = the previous trading day of today. */
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'MCUBE_REPLAY_START must be an IST date YYYY-MM-DD' })
  MCUBE_REPLAY_START?: string;

  /** Market-data jobs (quotes every minute, option chains every 5 minutes in session, live tick polling for /ws); unset = on, except with NODE_ENV=test. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  MCUBE_MARKET_JOBS?: boolean;

  /**
   * The process role: `all` (HTTP + worker duties in one process, the default), `api` (HTTP and
   * /ws, enqueues; no job processors, order-sync loop, broker logins or strategy runs) or
   * `worker` (jobs, order sync, broker sessions, strategy runners; no HTTP). Unset = `all`, or
   * `api` when MCUBE_RUN_WORKERS=false.
   */
  @IsOptional() @IsIn(['all', 'api', 'worker'], { message: 'must be all, api or worker' })
  MCUBE_ROLE?: 'all' | 'api' | 'worker';

  /** Older switch for the same thing: false = the `api` role when MCUBE_ROLE is unset (contradicting MCUBE_ROLE=all|worker is an error). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  MCUBE_RUN_WORKERS = true;

  /** Keep the IST job schedule (market data, monitor, entry 10:00, exit check 15:15…); unset = on, except with NODE_ENV=test. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  MCUBE_JOB_SCHEDULE?: boolean;

  /** BullMQ key prefix in Redis (with REDIS_URL): deployments sharing one Redis use different prefixes. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'MCUBE_QUEUE_PREFIX must be 1-40 characters of A-Z a-z 0-9 _ -' })
  MCUBE_QUEUE_PREFIX = 'mcube';

  /** Telegram bot token from @BotFather (`123456:ABC…`); unset = no Telegram channel and no bot commands. */
  @IsOptional() @Matches(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, { message: 'TELEGRAM_BOT_TOKEN must look like 123456789:AA… (from @BotFather)' })
  TELEGRAM_BOT_TOKEN?: string;

  /** Bot API root: the public one, or a self-hosted Bot API server (tests point it at a local one). */
  @IsOptional() @Matches(/^https?:\/\/[^\s/?#]+(?::\d{1,5})?\/?$/, { message: 'TELEGRAM_API_ROOT must be an http(s)://host[:port] URL without a path' })
  TELEGRAM_API_ROOT = 'https://api.telegram.org';

  /** Public https URL Telegram posts updates to (webhook mode); unset = long polling. */
  @IsOptional() @Matches(/^https:\/\/\S+$/, { message: 'TELEGRAM_WEBHOOK_URL must be an https:// URL' })
  TELEGRAM_WEBHOOK_URL?: string;

  /** Secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token on every webhook call (required with the webhook). */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{16,256}$/, { message: 'TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z a-z 0-9 _ -' })
  TELEGRAM_WEBHOOK_SECRET?: string;

  /** SMTP server of the e-mail channel: smtp://user:pass@host:587 (STARTTLS) or smtps://…:465. */
  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @Matches(EMAIL_ADDRESS, { message: 'ALERT_EMAIL_FROM must be an e-mail address (optionally "Name <a@b.c>")' })
  ALERT_EMAIL_FROM?: string;

  /** Comma-separated recipients of e-mail alerts. */
  @IsOptional() @Matches(EMAIL_LIST, { message: 'ALERT_EMAIL_TO must be a comma-separated list of e-mail addresses' })
  ALERT_EMAIL_TO?: string;

  @IsOptional() @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits' })
  TWILIO_ACCOUNT_SID?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9]{16,64}$/, { message: 'TWILIO_AUTH_TOKEN must be 16-64 letters or digits' })
  TWILIO_AUTH_TOKEN?: string;

  /** The Twilio number (E.164) or messaging service SID (MG…) SMS alerts are sent from. */
  @IsOptional() @Matches(/^(?:\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/, { message: 'TWILIO_FROM must be an E.164 number (+919800000000) or a messaging service SID' })
  TWILIO_FROM?: string;

  /** Comma-separated E.164 numbers that receive CRITICAL alerts by SMS. */
  @IsOptional() @Matches(/^\+[1-9]\d{6,14}(?:\s*,\s*\+[1-9]\d{6,14})*$/, { message: 'ALERT_SMS_TO must be comma-separated E.164 numbers (+919800000000)' })
  ALERT_SMS_TO?: string;

  /** Twilio API base URL (regional edges, tests); unset = Twilio's default. */
  @IsOptional() @Matches(/^https?:\/\/[^\s/?#]+(?::\d{1,5})?\/?$/, { message: 'TWILIO_API_BASE_URL must be an http(s)://host[:port] URL without a path' })
  TWILIO_API_BASE_URL?: string;

  /** The trade validator of the ICICI strategy: `rules` (deterministic, no LLM) or `ollama`; unset = ollama when OLLAMA_URL is set, else rules. */
  @IsOptional() @IsIn(['rules', 'ollama'])
  MCUBE_LLM?: 'rules' | 'ollama';

  /** Ollama server (http://127.0.0.1:11434); setting it switches the validator to Ollama unless MCUBE_LLM=rules. */
  @IsOptional() @Matches(/^https?:\/\/[^\s/?#]+(?::\d{1,5})?\/?$/, { message: 'OLLAMA_URL must be an http(s)://host[:port] URL without a path' })
  OLLAMA_URL?: string;

  /** The Ollama chat model (also the embedding model for Chroma unless it is the rules validator). */
  @IsOptional() @Matches(/^[A-Za-z0-9._:/-]{1,100}$/, { message: 'MCUBE_LLM_MODEL must be an Ollama model name such as llama3.1:8b' })
  MCUBE_LLM_MODEL = 'llama3.1:8b';

  /** Longest one validation by Ollama may take; a timeout rejects the candidate (fail closed). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(600_000)
  MCUBE_LLM_TIMEOUT_MS = 60_000;

  /** Chroma server of the knowledge store (http://127.0.0.1:8000); unset = SQLite FTS5 (embedded). */
  @IsOptional() @Matches(/^https?:\/\/[^\s/?#]+(?::\d{1,5})?\/?$/, { message: 'CHROMA_URL must be an http(s)://host[:port] URL without a path' })
  CHROMA_URL?: string;

  /** How long one send to Telegram, SMTP or Twilio may take before it counts as a timeout (retried). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(500) @Max(120_000)
  MCUBE_ALERT_SEND_TIMEOUT_MS = 10_000;

  /** `pretty`: one human-readable line per request (pino-pretty); `json`: one JSON object per line. Unset = pretty when stdout is a terminal, JSON otherwise. */
  @IsOptional() @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  /** Port of the Prometheus `/metrics` listener (its own server, not the API's); unset = no metrics listener; 0 = any free port. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT?: number;

  /** Address the metrics listener binds; loopback by default (it has no authentication, see SECURITY.md). */
  @IsOptional() @IsString()
  METRICS_HOST = '127.0.0.1';

  /** Folder of the scheduled SQLite online backups (SQLite only; PostgreSQL: pg_dump, see the database README). */
  @IsOptional() @IsString()
  MCUBE_BACKUP_DIR = './data/backups';

  /** Minutes between two SQLite backups (wall time); 0 = no scheduled backup. Unset = 60, except with NODE_ENV=test (0). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10_080)
  MCUBE_BACKUP_EVERY_MINUTES?: number;

  /** Backups kept in MCUBE_BACKUP_DIR; the oldest beyond this many are deleted after each backup. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  MCUBE_BACKUP_KEEP = 48;
}

/** The names of every variable EnvSchema declares (decorated properties, with or without a default). */
export function envVariableNames(): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(EnvSchema, '', true, false);
  return [...new Set(metas.map((m) => m.propertyName))].sort();
}
