import { REDACTED } from './redaction';

/** Parts of a query parameter name that mark its value as a credential. */
const CREDENTIAL_NAME_PARTS = ['token', 'key', 'pass', 'secret', 'session', 'auth', 'bearer', 'jwt', 'csrf', 'cookie', 'credential', 'signature'];
/** Short names that are credentials only as a whole (`sid`, not `side`). */
const CREDENTIAL_NAMES = new Set(['sid', 'sig', 'pin', 'mpin', 'otp', 'totp']);
/** An mCube API key wherever it appears (a script that put one under an innocent name). */
const API_KEY_IN_TEXT = /mcube_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/g;

/**
 * Whether a URL query parameter of this name would carry a credential (case-insensitive,
 * ignoring `-`, `_`, `.` and brackets): such values are redacted in logs, and the API refuses
 * such parameters outright (credentials go in headers or cookies, never in URLs).
 */
export function isCredentialQueryName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_.[\]]/g, '');
  return CREDENTIAL_NAMES.has(n) || CREDENTIAL_NAME_PARTS.some((part) => n.includes(part));
}

function redactValue(name: string, value: unknown): unknown {
  if (isCredentialQueryName(name)) return REDACTED;
  if (typeof value === 'string') return value.replace(API_KEY_IN_TEXT, REDACTED);
  // Repeated or nested parameters (`a[]=…`): strings all the way down.
  if (value !== null && typeof value === 'object') return JSON.parse(JSON.stringify(value).replace(API_KEY_IN_TEXT, REDACTED)) as unknown;
  return value;
}

/** `url` with the value of every credential-named query parameter, and any API key, replaced by `[REDACTED]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const pairs = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const rawName = pair.slice(0, eq);
    let name = rawName;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      // A malformed name is judged as written.
    }
    return `${rawName}=${String(redactValue(name, pair.slice(eq + 1)))}`;
  });
  return `${url.slice(0, q)}?${pairs.join('&')}`;
}

/** A copy of a parsed query with every credential-named value, and any API key, replaced by `[REDACTED]`. */
export function redactQuery(query: unknown): unknown {
  if (query === null || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, redactValue(k, v)]));
}
