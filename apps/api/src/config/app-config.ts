/** Login throttle (no account lock): see `LoginThrottleService`. */
export interface LoginSecurityConfig {
  /** Free failures per address + username (or per known browser) before waits start. */
  maxFailures: number;
  /** Longest wait; the waits double from one minute up to it. */
  backoffMaxMinutes: number;
  /** Failures per client address (unknown browsers, all usernames) per window. */
  addressMaxFailures: number;
  addressWindowMinutes: number;
}

/** One AES-256-GCM key with its id (first 16 hex digits of its SHA-256), stored beside each ciphertext. */
export interface CredentialKey {
  id: string;
  key: Buffer;
}

/** Where market data comes from and how fast the market clock runs. */
export interface MarketDataConfig {
  source: 'sim' | 'replay';
  simSeed: number;
  /** 1 = real time; above 1, sessions only, that many times faster. */
  speed: number;
  /** The simulator's first IST day (MCUBE_SIM_START); absent = the trading day before today. */
  simStart?: string;
  /** Replay folder (layout of ../shared/data/); absent = the default folder when it exists. */
  replayDataDir?: string;
  /** First IST date of the replay; absent = chosen at boot. */
  replayStart?: string;
  /** Whether the snapshot jobs and the live tick polling run. */
  jobs: boolean;
}

/** A process role (see JobsConfig.role). */
export type ProcessRole = 'all' | 'api' | 'worker';

/** The job system: which process runs processors and the IST schedule, and the BullMQ key prefix. */
export interface JobsConfig {
  /** The process role (MCUBE_ROLE): `all` runs HTTP and the worker duties, `api` only HTTP, `worker` no HTTP. */
  role: ProcessRole;
  /** Whether this process runs the job processors: every role but `api` (the worker entry point always does). */
  runWorkers: boolean;
  /** Whether this process keeps the IST schedule (the ticker that enqueues scheduled jobs). */
  schedule: boolean;
  /** BullMQ key prefix in Redis (one per deployment; tests use their own). */
  queuePrefix: string;
}

/**
 * The alert channels that have credentials (each absent = not configured). Secrets live only
 * here, read from the environment; they are never stored, logged or put in a job payload.
 */
export interface AlertChannelsConfig {
  telegram?: {
    botToken: string;
    apiRoot: string;
    /** Webhook mode (public https URL + the secret Telegram echoes); absent = long polling. */
    webhook?: { url: string; secret: string };
  };
  email?: { smtpUrl: string; from: string; to: string[] };
  sms?: { accountSid: string; authToken: string; from: string; to: string[]; baseUrl?: string };
  /** Longest a single provider call may take (a longer one is a retried timeout). */
  sendTimeoutMs: number;
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
  /** Broker hosts (absent in hand-built test configs: the defaults). */
  brokers?: { kotakNeoLoginUrl: string };
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
    /** Seconds between two checks of an open /ws socket's credentials. */
    wsRecheckSeconds: number;
  };
  /** Broker-credential encryption; `current` absent means no credential can be written. */
  credentials: { current?: CredentialKey; previous?: CredentialKey };
  /** The first admin created by `init`. */
  admin: { username: string; password?: string };
  /** The market-data source (the `data` module). */
  marketData: MarketDataConfig;
  /** Queues, processors and the schedule (the `jobs` folder). */
  jobs: JobsConfig;
  /** Telegram, e-mail and SMS (the `alerts` module). */
  alerts: AlertChannelsConfig;
  /** Logs, metrics and backups (operations). */
  ops: OpsConfig;
  /** The trade validator and the knowledge store (the `llm` module); absent = rules validator and FTS5. */
  llm?: LlmConfig;
}

/** Operations: the log format, the Prometheus listener, the SQLite backups. */
export interface OpsConfig {
  /** Unset: pretty when stdout is a terminal, JSON otherwise. */
  logFormat?: 'pretty' | 'json';
  /** The `/metrics` listener (its own port, loopback by default); absent = none. */
  metrics?: { port: number; host: string };
  /** Scheduled SQLite online backups; `everyMinutes` 0 = none. */
  backup: { dir: string; everyMinutes: number; keep: number };
}

/** The ICICI strategy's validator and knowledge store (DECISIONS §6: rules and FTS5 by default). */
export interface LlmConfig {
  mode: 'rules' | 'ollama';
  ollamaUrl: string;
  model: string;
  timeoutMs: number;
  /** Set: Chroma; else FTS5 in the application's SQLite file (or its own file next to it on PostgreSQL). */
  chromaUrl?: string;
}

/** DI token for the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');
