import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../../../config/app-config';
import { IssuedSession } from '../sessions/sessions.service';

/** httpOnly cookie holding the session token. */
export const SESSION_COOKIE = 'mcube_session';
/** Readable cookie holding the CSRF token, for the console to echo in `x-csrf-token`. */
export const CSRF_COOKIE = 'mcube_csrf';
/** httpOnly cookie naming a browser that has logged in before (login throttle only; sent to /api/auth). */
export const DEVICE_COOKIE = 'mcube_device';
const DEVICE_COOKIE_PATH = '/api/auth';

/**
 * SameSite=Strict: the console is same-origin, so no cross-site request ever needs the
 * session (and cross-site links simply land logged-out).
 */
function base(config: AppConfig): CookieOptions {
  return { sameSite: 'strict', secure: config.security.cookieSecure, path: '/' };
}

/** Sets both cookies for a freshly issued session. */
export function setSessionCookies(res: Response, config: AppConfig, session: IssuedSession): void {
  const maxAge = session.expiresAt.getTime() - Date.now();
  res.cookie(SESSION_COOKIE, session.token, { ...base(config), httpOnly: true, maxAge });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base(config), httpOnly: false, maxAge });
}

/** Clears both cookies (logout). */
export function clearSessionCookies(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, { ...base(config), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, { ...base(config), httpOnly: false });
}

/** Remembers this browser as known for the user that just logged in. */
export function setDeviceCookie(res: Response, config: AppConfig, token: string, expiresAt: Date): void {
  res.cookie(DEVICE_COOKIE, token, { ...base(config), path: DEVICE_COOKIE_PATH, httpOnly: true, maxAge: expiresAt.getTime() - Date.now() });
}
