/** Where the Breeze API lives and how long each kind of call may take. No secrets here. */
export interface IciciBreezeHosts {
  /** v1 base (signed calls), ending in '/'. */
  readonly apiUrl: string;
  /** v2 base (historical charts), ending in '/'. */
  readonly v2Url: string;
  /** ICICI's login page; the user opens it with `?api_key=` to get the day's API session key. */
  readonly loginUrl: string;
  /** The security master zip (FONSEScripMaster.txt, NSEScripMaster.txt, …). */
  readonly securityMasterUrl: string;
  readonly timeouts: IciciBreezeTimeouts;
}

/** Per-call deadlines, milliseconds. A call past its deadline is abandoned (never resent). */
export interface IciciBreezeTimeouts {
  /** place / modify / cancel. */
  readonly orderMs: number;
  /** order book, trades, positions, funds, margin, quotes, chains. */
  readonly readMs: number;
  /** customerdetails (session exchange). */
  readonly sessionMs: number;
  /** historical v2 and the security master download. */
  readonly bulkMs: number;
}

/** The app's key pair from ICICI's API portal. `secretKey` only ever feeds the checksum. */
export interface BreezeCredentials {
  readonly appKey: string;
  readonly secretKey: string;
}

export const ICICI_BREEZE_DEFAULT_API_URL = 'https://api.icicidirect.com/breezeapi/api/v1/';
export const ICICI_BREEZE_DEFAULT_V2_URL = 'https://breezeapi.icicidirect.com/api/v2/';
export const ICICI_BREEZE_DEFAULT_LOGIN_URL = 'https://api.icicidirect.com/apiuser/login';
/** The Python SDK's current address (older SDKs used …/NewSecurityMaster/SecurityMaster.zip). */
export const ICICI_BREEZE_DEFAULT_SECURITY_MASTER_URL = 'https://directlink.icicidirect.com/MotherAppMaster/SecurityMaster.zip';
export const ICICI_BREEZE_DEFAULT_TIMEOUTS: IciciBreezeTimeouts = Object.freeze({ orderMs: 8_000, readMs: 10_000, sessionMs: 10_000, bulkMs: 60_000 });

/** A configuration value that cannot be used; the message names the variable. */
export class IciciBreezeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IciciBreezeConfigError';
  }
}

/**
 * Hosts and timeouts from the environment: ICICI_BREEZE_API_URL, ICICI_BREEZE_V2_URL,
 * ICICI_BREEZE_LOGIN_URL, ICICI_BREEZE_SECURITY_MASTER_URL, ICICI_BREEZE_ORDER_TIMEOUT_MS,
 * ICICI_BREEZE_READ_TIMEOUT_MS (defaults above). Throws IciciBreezeConfigError on a bad value.
 */
export function iciciBreezeHostsFromEnv(env: Readonly<Record<string, string | undefined>>): IciciBreezeHosts {
  return iciciBreezeHosts({
    apiUrl: env['ICICI_BREEZE_API_URL'],
    v2Url: env['ICICI_BREEZE_V2_URL'],
    loginUrl: env['ICICI_BREEZE_LOGIN_URL'],
    securityMasterUrl: env['ICICI_BREEZE_SECURITY_MASTER_URL'],
    timeouts: {
      orderMs: optionalMs('ICICI_BREEZE_ORDER_TIMEOUT_MS', env['ICICI_BREEZE_ORDER_TIMEOUT_MS']),
      readMs: optionalMs('ICICI_BREEZE_READ_TIMEOUT_MS', env['ICICI_BREEZE_READ_TIMEOUT_MS']),
    },
  });
}

/** Hosts with defaults filled in and every URL checked (http or https; a trailing '/' added to bases). */
export function iciciBreezeHosts(input: {
  readonly apiUrl?: string;
  readonly v2Url?: string;
  readonly loginUrl?: string;
  readonly securityMasterUrl?: string;
  readonly timeouts?: Partial<IciciBreezeTimeouts>;
}): IciciBreezeHosts {
  const timeouts = { ...ICICI_BREEZE_DEFAULT_TIMEOUTS };
  for (const [key, value] of Object.entries(input.timeouts ?? {})) {
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) throw new IciciBreezeConfigError(`timeout ${key} must be a whole number of ms > 0, got ${String(value)}`);
    timeouts[key as keyof IciciBreezeTimeouts] = value;
  }
  return Object.freeze({
    apiUrl: baseUrl('ICICI_BREEZE_API_URL', input.apiUrl || ICICI_BREEZE_DEFAULT_API_URL),
    v2Url: baseUrl('ICICI_BREEZE_V2_URL', input.v2Url || ICICI_BREEZE_DEFAULT_V2_URL),
    loginUrl: httpUrl('ICICI_BREEZE_LOGIN_URL', input.loginUrl || ICICI_BREEZE_DEFAULT_LOGIN_URL).toString(),
    securityMasterUrl: httpUrl('ICICI_BREEZE_SECURITY_MASTER_URL', input.securityMasterUrl || ICICI_BREEZE_DEFAULT_SECURITY_MASTER_URL).toString(),
    timeouts: Object.freeze(timeouts),
  });
}

/** Credentials checked for presence (never echoed in the message). */
export function breezeCredentials(appKey: string | undefined, secretKey: string | undefined): BreezeCredentials {
  if (!appKey || appKey.trim() !== appKey) throw new IciciBreezeConfigError('the ICICI Breeze app key is missing or has surrounding spaces');
  if (!secretKey || secretKey.trim() !== secretKey) throw new IciciBreezeConfigError('the ICICI Breeze secret key is missing or has surrounding spaces');
  return Object.freeze({ appKey, secretKey });
}

function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new IciciBreezeConfigError(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new IciciBreezeConfigError(`${name} must be http(s), got ${url.protocol}`);
  if (url.username || url.password) throw new IciciBreezeConfigError(`${name} must not carry credentials`);
  return url;
}

function baseUrl(name: string, value: string): string {
  const url = httpUrl(name, value);
  if (url.search || url.hash) throw new IciciBreezeConfigError(`${name} must not have a query or fragment`);
  const text = url.toString();
  return text.endsWith('/') ? text : `${text}/`;
}

function optionalMs(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new IciciBreezeConfigError(`${name} must be a whole number of ms, got ${value}`);
  return Number(value);
}
