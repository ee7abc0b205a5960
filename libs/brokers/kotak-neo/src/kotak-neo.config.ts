import { KotakNeoError } from './errors/kotak-neo.error';

/** Kotak's login host (the only host mCube is configured with; every other comes from Kotak). */
export const KOTAK_NEO_DEFAULT_LOGIN_URL = 'https://mis.kotaksecurities.com';

/** Settings of the client; everything but `loginUrl` has a default that suits production. */
export interface KotakNeoConfig {
  /** `KOTAK_NEO_LOGIN_URL`; default https://mis.kotaksecurities.com. */
  readonly loginUrl?: string;
  /** Header `neo-fin-key`; default 'neotradeapi' (a constant, not a secret). */
  readonly neoFinKey?: string;
  /** `os` field of orders; default 'NEOTRADEAPI' as the SDK sends. */
  readonly orderSource?: string;
  /** Deadline per call, ms. */
  readonly timeouts?: { readonly loginMs?: number; readonly orderMs?: number; readonly readMs?: number; readonly masterMs?: number };
  /** Largest accepted answers, bytes (JSON calls; scrip-master CSV files). */
  readonly maxBytes?: { readonly json?: number; readonly master?: number };
}

/** `KotakNeoConfig` with every default filled in. */
export interface ResolvedKotakNeoConfig {
  readonly loginUrl: string;
  readonly neoFinKey: string;
  readonly orderSource: string;
  readonly timeouts: { readonly loginMs: number; readonly orderMs: number; readonly readMs: number; readonly masterMs: number };
  readonly maxBytes: { readonly json: number; readonly master: number };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isSafeInteger(v) || v < 1) throw new KotakNeoError('REJECTED', `Kotak Neo config: ${name} must be a whole number ≥ 1, got ${String(value)}`, { reason: 'INVALID_REQUEST' });
  return v;
}

/** Fills the defaults and checks the values; REJECTED (INVALID_REQUEST) for a bad one. */
export function resolveKotakNeoConfig(config: KotakNeoConfig = {}): ResolvedKotakNeoConfig {
  const loginUrl = (config.loginUrl ?? KOTAK_NEO_DEFAULT_LOGIN_URL).trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(loginUrl);
  } catch {
    throw new KotakNeoError('REJECTED', `KOTAK_NEO_LOGIN_URL is not a URL: ${loginUrl}`, { reason: 'INVALID_REQUEST' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new KotakNeoError('REJECTED', `KOTAK_NEO_LOGIN_URL must be http(s): ${loginUrl}`, { reason: 'INVALID_REQUEST' });
  }
  const t = config.timeouts ?? {};
  const b = config.maxBytes ?? {};
  return {
    loginUrl,
    neoFinKey: config.neoFinKey ?? 'neotradeapi',
    orderSource: config.orderSource ?? 'NEOTRADEAPI',
    timeouts: {
      loginMs: positive('timeouts.loginMs', t.loginMs, 15_000),
      orderMs: positive('timeouts.orderMs', t.orderMs, 8_000),
      readMs: positive('timeouts.readMs', t.readMs, 8_000),
      masterMs: positive('timeouts.masterMs', t.masterMs, 120_000),
    },
    maxBytes: { json: positive('maxBytes.json', b.json, 16 * 1024 * 1024), master: positive('maxBytes.master', b.master, 256 * 1024 * 1024) },
  };
}

/** The config from the process environment: only `KOTAK_NEO_LOGIN_URL` is read. */
export function kotakNeoConfigFromEnv(env: Readonly<Record<string, string | undefined>>): KotakNeoConfig {
  const loginUrl = env['KOTAK_NEO_LOGIN_URL'];
  return loginUrl !== undefined && loginUrl.trim() !== '' ? { loginUrl } : {};
}
