import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, CredentialKey } from './app-config';
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
    logLevel: parsed.LOG_LEVEL,
    webDist: parsed.MCUBE_WEB_DIST,
    security: {
      sessionTtlHours: parsed.SESSION_TTL_HOURS,
      cookieSecure: parsed.SESSION_COOKIE_SECURE ?? parsed.NODE_ENV === 'production',
      corsOrigins: parsed.CORS_ORIGINS ? parsed.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
      trustProxy: parsed.TRUST_PROXY,
      login: {
        maxFailures: parsed.LOGIN_MAX_FAILURES,
        lockoutMinutes: parsed.LOGIN_LOCKOUT_MINUTES,
        rateLimit: parsed.LOGIN_RATE_LIMIT,
        rateWindowSeconds: parsed.LOGIN_RATE_WINDOW_SECONDS,
      },
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
      runWorkers: parsed.MCUBE_RUN_WORKERS,
      schedule: parsed.MCUBE_JOB_SCHEDULE ?? parsed.NODE_ENV !== 'test',
      queuePrefix: parsed.MCUBE_QUEUE_PREFIX,
    },
  };
}
