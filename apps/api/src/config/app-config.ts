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
}

/** DI token for the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');
