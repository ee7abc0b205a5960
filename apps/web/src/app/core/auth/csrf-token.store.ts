import { Injectable, signal } from '@angular/core';

/** The CSRF token of the current session (from login or GET /api/auth/me); null when logged out. */
@Injectable({ providedIn: 'root' })
export class CsrfTokenStore {
  readonly token = signal<string | null>(null);
}
