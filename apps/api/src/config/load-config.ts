import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';
import { EnvSchema } from './env.schema';

/** Raised at boot when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once and returns the typed config. Unknown variables are
 * ignored (the process environment holds many); known ones must be valid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvSchema());
  const picked: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL']) {
    if (env[key] !== undefined && env[key] !== '') picked[key] = env[key];
  }
  const parsed = plainToInstance(EnvSchema, picked, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg}`)),
    );
  }
  return {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    database: parsed.DATABASE_URL ? { type: 'postgres', url: parsed.DATABASE_URL } : { type: 'sqlite', path: parsed.SQLITE_PATH },
    redisUrl: parsed.REDIS_URL,
    liveTrading: parsed.MCUBE_LIVE_TRADING,
    logLevel: parsed.LOG_LEVEL,
  };
}
