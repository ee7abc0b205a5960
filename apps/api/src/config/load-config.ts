import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AlertChannelsConfig, AppConfig, CredentialKey, ProcessRole } from './app-config';
import { EnvSchema, envVariableNames } from './env.schema';

/** Raised at boot when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Decodes a 32-byte key written as 64 hex digits or base64/base64url; the schema has checked the shape. */
export function parseCredentialKey(text: string): CredentialKey {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new ConfigError(['credentials key does not decode to 32 bytes']);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/**
 * Validates the environment once and returns the typed config. Unknown variables are
 * ignored (the process environment holds many); known ones must be valid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const picked: Record<string, unknown> = {};
  for (const key of envVariableNames()) {
    if (env[key] !== undefined && env[key] !== '') picked[key] = env[key];
  }
  const parsed = plainToInstance(EnvSchema, picked, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { forbidUnknownValues: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg}`));
  if (parsed.MCUBE_CREDENTIALS_KEY_PREVIOUS && !parsed.MCUBE_CREDENTIALS_KEY) {
    problems.push('MCUBE_CREDENTIALS_KEY_PREVIOUS: set only during a rotation, together with the new MCUBE_CREDENTIALS_KEY');
  }
  problems.push(...alertChannelProblems(parsed));
  if (problems.length > 0) throw new ConfigError(problems);
  const current = parsed.MCUBE_CREDENTIALS_KEY ? parseCredentialKey(parsed.MCUBE_CREDENTIALS_KEY) : undefined;
  const previous = parsed.MCUBE_CREDENTIALS_KEY_PREVIOUS ? parseCredentialKey(parsed.MCUBE_CREDENTIALS_KEY_PREVIOUS) : undefined;
  if (current && previous && current.id === previous.id) {
    throw new ConfigError(['MCUBE_CREDENTIALS_KEY_PREVIOUS: must differ from MCUBE_CREDENTIALS_KEY']);
  }
  return {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    database: parsed.DATABASE_URL ? { type: 'postgres', url: parsed.DATABASE_URL } : { type: 'sqlite', path: parsed.SQLITE_PATH },
    redisUrl: parsed.REDIS_URL,
    liveTrading: parsed.MCUBE_LIVE_TRADING,
    brokers: { kotakNeoLoginUrl: parsed.KOTAK_NEO_LOGIN_URL },
    logLevel: parsed.LOG_LEVEL,
    webDist: parsed.MCUBE_WEB_DIST,
    security: {
      sessionTtlHours: parsed.SESSION_TTL_HOURS,
      cookieSecure: parsed.SESSION_COOKIE_SECURE ?? parsed.NODE_ENV === 'production',
      corsOrigins: parsed.CORS_ORIGINS ? parsed.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
      trustProxy: parsed.TRUST_PROXY,
      login: {
        maxFailures: parsed.LOGIN_MAX_FAILURES,
        backoffMaxMinutes: parsed.LOGIN_BACKOFF_MAX_MINUTES,
        addressMaxFailures: parsed.LOGIN_ADDRESS_MAX_FAILURES,
        addressWindowMinutes: parsed.LOGIN_ADDRESS_WINDOW_MINUTES,
      },
      wsRecheckSeconds: parsed.WS_SESSION_RECHECK_SECONDS,
    },
    credentials: { current, previous },
    admin: { username: parsed.MCUBE_ADMIN_USERNAME, password: parsed.MCUBE_ADMIN_PASSWORD },
    marketData: {
      source: parsed.MCUBE_MARKET_SOURCE,
      simSeed: parsed.MCUBE_SIM_SEED,
      speed: parsed.MCUBE_SIM_SPEED,
      simStart: parsed.MCUBE_SIM_START,
      replayDataDir: parsed.MCUBE_REPLAY_DATA_DIR,
      replayStart: parsed.MCUBE_REPLAY_START,
      jobs: parsed.MCUBE_MARKET_JOBS ?? parsed.NODE_ENV !== 'test',
    },
    jobs: {
      role: roleOf(parsed),
      runWorkers: roleOf(parsed) !== 'api',
      schedule: parsed.MCUBE_JOB_SCHEDULE ?? parsed.NODE_ENV !== 'test',
      queuePrefix: parsed.MCUBE_QUEUE_PREFIX,
    },
    alerts: alertChannelsOf(parsed),
    ops: {
      logFormat: parsed.LOG_FORMAT,
      metrics: parsed.METRICS_PORT === undefined ? undefined : { port: parsed.METRICS_PORT, host: parsed.METRICS_HOST },
      backup: { dir: parsed.MCUBE_BACKUP_DIR, everyMinutes: parsed.MCUBE_BACKUP_EVERY_MINUTES ?? (parsed.NODE_ENV === 'test' ? 0 : 60), keep: parsed.MCUBE_BACKUP_KEEP },
    },
    llm: {
      mode: parsed.MCUBE_LLM ?? (parsed.OLLAMA_URL ? 'ollama' : 'rules'),
      ollamaUrl: (parsed.OLLAMA_URL ?? 'http://127.0.0.1:11434').replace(/\/$/, ''),
      model: parsed.MCUBE_LLM_MODEL,
      timeoutMs: parsed.MCUBE_LLM_TIMEOUT_MS,
      chromaUrl: parsed.CHROMA_URL?.replace(/\/$/, ''),
    },
  };
}

/** MCUBE_ROLE, or the older MCUBE_RUN_WORKERS=false as `api`; the two contradicting is a configuration error. */
function roleOf(parsed: EnvSchema): ProcessRole {
  if (parsed.MCUBE_ROLE && parsed.MCUBE_ROLE !== 'api' && parsed.MCUBE_RUN_WORKERS === false) {
    throw new ConfigError([`MCUBE_ROLE=${parsed.MCUBE_ROLE} runs the job processors but MCUBE_RUN_WORKERS=false says not to: set one of them`]);
  }
  return parsed.MCUBE_ROLE ?? (parsed.MCUBE_RUN_WORKERS ? 'all' : 'api');
}

const list = (value: string): string[] => value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);

/** The variables each channel needs together: half a channel is a boot error, not a silent no-op. */
const CHANNEL_GROUPS: readonly { channel: string; names: readonly (keyof EnvSchema)[] }[] = [
  { channel: 'e-mail', names: ['SMTP_URL', 'ALERT_EMAIL_FROM', 'ALERT_EMAIL_TO'] },
  { channel: 'SMS', names: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'ALERT_SMS_TO'] },
  { channel: 'Telegram webhook', names: ['TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET'] },
];

function alertChannelProblems(parsed: EnvSchema): string[] {
  const problems: string[] = [];
  for (const g of CHANNEL_GROUPS) {
    const set = g.names.filter((n) => parsed[n] !== undefined);
    if (set.length > 0 && set.length < g.names.length) {
      const missing = g.names.filter((n) => parsed[n] === undefined);
      problems.push(`${missing.join(', ')}: the ${g.channel} channel needs ${g.names.join(', ')} together (set: ${set.join(', ')})`);
    }
  }
  if (parsed.TELEGRAM_WEBHOOK_URL && !parsed.TELEGRAM_BOT_TOKEN) problems.push('TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_URL is set');
  return problems;
}

function alertChannelsOf(parsed: EnvSchema): AlertChannelsConfig {
  const telegram = parsed.TELEGRAM_BOT_TOKEN
    ? {
        botToken: parsed.TELEGRAM_BOT_TOKEN,
        apiRoot: parsed.TELEGRAM_API_ROOT.replace(/\/$/, ''),
        webhook: parsed.TELEGRAM_WEBHOOK_URL && parsed.TELEGRAM_WEBHOOK_SECRET ? { url: parsed.TELEGRAM_WEBHOOK_URL, secret: parsed.TELEGRAM_WEBHOOK_SECRET } : undefined,
      }
    : undefined;
  const email = parsed.SMTP_URL && parsed.ALERT_EMAIL_FROM && parsed.ALERT_EMAIL_TO ? { smtpUrl: parsed.SMTP_URL, from: parsed.ALERT_EMAIL_FROM, to: list(parsed.ALERT_EMAIL_TO) } : undefined;
  const sms =
    parsed.TWILIO_ACCOUNT_SID && parsed.TWILIO_AUTH_TOKEN && parsed.TWILIO_FROM && parsed.ALERT_SMS_TO
      ? { accountSid: parsed.TWILIO_ACCOUNT_SID, authToken: parsed.TWILIO_AUTH_TOKEN, from: parsed.TWILIO_FROM, to: list(parsed.ALERT_SMS_TO), baseUrl: parsed.TWILIO_API_BASE_URL?.replace(/\/$/, '') }
      : undefined;
  return { telegram, email, sms, sendTimeoutMs: parsed.MCUBE_ALERT_SEND_TIMEOUT_MS };
}
