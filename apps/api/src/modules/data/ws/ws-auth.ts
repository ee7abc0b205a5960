import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

/** Cookies of an upgrade request (name → decoded value); malformed pairs are skipped. */
export function cookiesOf(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed value simply does not authenticate.
    }
  }
  return out;
}

/** The upgrade request in the shape `AuthenticatorService.authenticate` reads (headers and parsed cookies). */
export function asAuthRequest(req: IncomingMessage): Request {
  return { headers: req.headers, cookies: cookiesOf(req.headers.cookie) } as unknown as Request;
}

/**
 * Whether the browser origin of an upgrade may open the socket: no Origin (not a browser),
 * the API's own origin (same host), or one of the allowed CORS origins. Blocks cross-site
 * WebSocket hijacking with the session cookie.
 */
export function isAllowedOrigin(req: IncomingMessage, corsOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
