import { KotakNeoError } from '../errors/kotak-neo.error';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Checks a host Kotak handed us (the login's `baseUrl`, a scrip-master file URL) before
 * any token is sent to it: https always; plain http only when the configured login URL is
 * itself plain http on loopback (a local test server standing in for Kotak). Returns the
 * URL without a trailing slash. Throws UNKNOWN/MALFORMED_RESPONSE otherwise.
 */
export function trustedUrl(candidate: unknown, loginUrl: string, what: string): string {
  if (typeof candidate !== 'string' || candidate.trim() === '') {
    throw new KotakNeoError('UNKNOWN', `Kotak Neo gave no ${what}`, { reason: 'MALFORMED_RESPONSE' });
  }
  let url: URL;
  try {
    url = new URL(candidate.trim());
  } catch {
    throw new KotakNeoError('UNKNOWN', `Kotak Neo gave a ${what} that is not a URL`, { reason: 'MALFORMED_RESPONSE' });
  }
  const login = new URL(loginUrl);
  const localTest = login.protocol === 'http:' && LOOPBACK.has(login.hostname) && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && localTest)) {
    throw new KotakNeoError('UNKNOWN', `Kotak Neo gave a ${what} that is not https (${url.protocol}//${url.host}); refusing to send credentials to it`, {
      reason: 'MALFORMED_RESPONSE',
    });
  }
  if (url.username || url.password) throw new KotakNeoError('UNKNOWN', `Kotak Neo gave a ${what} with credentials in it`, { reason: 'MALFORMED_RESPONSE' });
  return url.toString().replace(/\/+$/, '');
}
