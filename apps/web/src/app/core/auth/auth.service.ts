import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginResponse, MeResponse, Role, UserResponse } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { CsrfTokenStore } from './csrf-token.store';

/**
 * Who is logged in, as signals. The session itself is an httpOnly cookie the page never sees;
 * this service only knows the user, the effective role and the CSRF token.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly csrf = inject(CsrfTokenStore);
  private readonly state = signal<{ user: UserResponse; role: Role } | null>(null);

  /** The current user, null when logged out or not yet known. */
  readonly user = computed(() => this.state()?.user ?? null);
  /** The effective role, null when logged out. */
  readonly role = computed(() => this.state()?.role ?? null);
  /** Trader or admin: may change settings (viewers only read). */
  readonly canWrite = computed(() => this.role() === 'trader' || this.role() === 'admin');
  readonly isAdmin = computed(() => this.role() === 'admin');

  /** Logs in; rejects with an ApiError (401 for any wrong username/password, 429 when rate-limited). */
  async login(username: string, password: string): Promise<void> {
    const res = await this.api.post<LoginResponse>('/auth/login', { username, password });
    this.csrf.token.set(res.csrfToken);
    this.state.set({ user: res.user, role: res.user.role });
  }

  /** Asks the API who we are (after a reload); false when the session is missing or expired. */
  async restore(): Promise<boolean> {
    if (this.state()) return true;
    try {
      const me = await this.api.get<MeResponse>('/auth/me');
      this.csrf.token.set(me.csrfToken);
      this.state.set({ user: me.user, role: me.role });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return false;
      throw err;
    }
  }

  /** Ends the session on the server (best effort) and forgets it here. */
  async logout(): Promise<void> {
    try {
      await this.api.post<void>('/auth/logout');
    } finally {
      this.clear();
    }
  }

  /**
   * Changes the caller's own password. The API then ends every session of the user, so the
   * session is forgotten here too. Rejects with INVALID_CREDENTIALS for a wrong current password.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.api.post<void>('/auth/password', { currentPassword, newPassword });
    this.clear();
  }

  /** Forgets the session locally (after a 401). */
  clear(): void {
    this.state.set(null);
    this.csrf.token.set(null);
  }
}
