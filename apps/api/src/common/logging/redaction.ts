/** Replacement written wherever a secret was. */
export const REDACTED = '[REDACTED]';

/**
 * Property names whose values are secrets wherever they appear (case-insensitive, ignoring
 * `-` and `_`): passwords, tokens, keys, cookies and every broker credential field.
 */
export const SECRET_KEY_NAMES: readonly string[] = [
  'password',
  'newpassword',
  'currentpassword',
  'onetimepassword',
  'passwordhash',
  'token',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'csrftoken',
  'xcsrftoken',
  'apikey',
  'xapikey',
  'key',
  'keyhash',
  'secret',
  'apisecret',
  'authorization',
  'cookie',
  'setcookie',
  'consumerkey',
  'consumersecret',
  'totp',
  'totpsecret',
  'mpin',
  'pin',
  'otp',
  'mobilenumber',
  'ucc',
  'credentials',
  'ciphertext',
  'credentialskey',
];

const SECRET_SET = new Set(SECRET_KEY_NAMES);

/** Whether a property of this name must never be logged or queued in clear. */
export function isSecretKey(name: string): boolean {
  return SECRET_SET.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/**
 * pino `redact` paths for the request/response objects pino-http logs. The deep
 * `redactSecrets` formatter catches secrets anywhere else in a log object.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body',
  'req.query.token',
];

/**
 * A deep copy of `value` with every secret-named property replaced by `[REDACTED]`.
 * Use it for job payloads and anything else leaving the process. Walks plain objects,
 * arrays and errors (whose message and stack are kept); other class instances (HTTP
 * request objects…) are left to their pino serializers and redact paths. Cycles are cut.
 */
export function redactSecrets<T>(value: T): T {
  return redact(value, new WeakSet()) as T;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (!Array.isArray(value) && !isPlain(value) && !(value instanceof Error)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, seen));
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out['type'] = value.name;
    out['message'] = value.message;
    out['stack'] = value.stack;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // SQL parameters of a failed query can hold hashes and ciphertexts: never logged.
    if (value instanceof Error && (k === 'parameters' || k === 'driverError')) continue;
    out[k] = isSecretKey(k) && v !== undefined && v !== null ? REDACTED : redact(v, seen);
  }
  return out;
}
