import { istDateTimeOf, type Clock } from '@mcube/domain';
import { KotakNeoError } from '../errors/kotak-neo.error';
import type { NeoHttp } from '../http/neo-http.client';
import type { ResolvedKotakNeoConfig } from '../kotak-neo.config';
import type { KotakNeoCredentials } from './kotak-neo-credentials';
import { KotakNeoSession, type SerializedKotakNeoSession } from './kotak-neo-session';
import { loginToKotakNeo } from './neo-login';

/**
 * Where the caller keeps the day's session, encrypted at rest (a port: the API implements
 * it over its database). Optional: without one the session lives in memory only.
 */
export interface KotakNeoSessionStore {
  load(): Promise<SerializedKotakNeoSession | undefined>;
  save(session: SerializedKotakNeoSession): Promise<void>;
}

/** What the keeper is built from. */
export interface KotakNeoSessionKeeperDeps {
  readonly http: NeoHttp;
  readonly config: ResolvedKotakNeoConfig;
  /** Wall clock (TOTP, login time, the day a session belongs to). */
  readonly wallClock: Clock;
  /** Read when a login is needed (from the encrypted store), so secrets are not held longer than needed. */
  readonly credentials: () => Promise<KotakNeoCredentials>;
  readonly store?: KotakNeoSessionStore;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Owns one account's Kotak session. Policy (DECISIONS §3, issue 14):
 * - `login()` is the daily login (the 08:30 job, or an admin): always a fresh two-step login;
 *   it resets the re-login allowance and clears a refused login.
 * - `ensure()` returns today's session: the one in memory, else today's stored one, else a
 *   first login of the day.
 * - After Kotak refuses the session mid-day (100022, `markExpired`), `ensure()` first looks in
 *   the store: a newer session of today (another process, the session owner, logged in since)
 *   is taken as is, with no login and no allowance spent. Otherwise it logs in again ONCE; a
 *   second expiry before the next `login()` throws a halting AUTH_EXPIRED/SESSION_EXPIRED_AGAIN.
 * - A refused login (bad TOTP/MPIN) is remembered and rethrown without calling Kotak again
 *   until `login()`: repeated bad MPINs could lock the account.
 * Concurrent callers share one login in flight.
 */
export class KotakNeoSessionKeeper {
  private session?: KotakNeoSession;
  private expired = false;
  private reloginUsed = false;
  private refusal?: KotakNeoError;
  private inflight?: Promise<KotakNeoSession>;

  constructor(private readonly deps: KotakNeoSessionKeeperDeps) {}

  /** The session in memory, if any (it may be expired or from an earlier day). */
  current(): KotakNeoSession | undefined {
    return this.session;
  }

  /** The daily login: fresh, stored, allowance reset. */
  async login(): Promise<KotakNeoSession> {
    this.refusal = undefined;
    const session = await this.singleFlight();
    this.reloginUsed = false;
    return session;
  }

  /** Today's usable session (see the class comment). */
  async ensure(): Promise<KotakNeoSession> {
    if (this.refusal) throw this.refusal;
    // Calls that saw the same expiry join the one re-login instead of spending the allowance twice.
    if (this.inflight) return this.inflight;
    const today = istDateTimeOf(this.deps.wallClock.nowMs()).date;
    if (this.session && !this.expired && this.session.istDate === today) return this.session;
    if (this.session && this.expired && this.session.istDate === today) {
      const newer = await this.loadStored(today, this.session.loggedInAtMs);
      if (newer) return newer;
      if (this.reloginUsed) {
        const message = 'the Kotak session expired again after its one re-login today: trading on this account is halted until the next login';
        throw new KotakNeoError('AUTH_EXPIRED', message, { reason: 'SESSION_EXPIRED_AGAIN', halt: { critical: true, message } });
      }
      this.reloginUsed = true;
      return this.singleFlight();
    }
    const stored = await this.loadStored(today);
    if (stored) return stored;
    const session = await this.singleFlight();
    this.reloginUsed = false;
    return session;
  }

  /** Records that Kotak refused `session` (100022); a newer session is left alone. */
  markExpired(session: KotakNeoSession): void {
    if (this.session === session) this.expired = true;
  }

  /** Today's stored session, if any (only one logged in after `afterMs`, when given). */
  private async loadStored(today: string, afterMs?: number): Promise<KotakNeoSession | undefined> {
    if (!this.deps.store || this.inflight) return undefined;
    const raw = await this.deps.store.load().catch(() => undefined);
    if (!raw) return undefined;
    let stored: KotakNeoSession;
    try {
      stored = KotakNeoSession.deserialize(raw, this.deps.config.loginUrl);
    } catch {
      return undefined;
    }
    if (stored.istDate !== today) return undefined;
    if (afterMs !== undefined && !(stored.loggedInAtMs > afterMs)) return undefined;
    this.session = stored;
    this.expired = false;
    return stored;
  }

  private async save(session: KotakNeoSession): Promise<void> {
    try {
      await this.deps.store?.save(session.serialize());
    } catch (error) {
      // The session works (it stays in memory) but would not survive a restart: say so.
      throw new KotakNeoError('TEMPORARY', 'logged in to Kotak but could not store the session', { reason: 'NETWORK', cause: error });
    }
  }

  private singleFlight(): Promise<KotakNeoSession> {
    if (!this.inflight) {
      this.inflight = this.freshLogin().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  private async freshLogin(): Promise<KotakNeoSession> {
    const credentials = await this.deps.credentials();
    try {
      const session = await loginToKotakNeo({ http: this.deps.http, config: this.deps.config, wallClock: this.deps.wallClock, sleep: this.deps.sleep }, credentials);
      this.session = session;
      this.expired = false;
      await this.save(session);
      return session;
    } catch (error) {
      if (error instanceof KotakNeoError && error.reason === 'LOGIN_REJECTED') this.refusal = error;
      throw error;
    }
  }
}
