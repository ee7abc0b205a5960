import { randomUUID } from 'node:crypto';
import type { Clock } from '@mcube/domain';
import { decodeBase32 } from '../auth/base32';
import { totpCode } from '../auth/totp';

/** The one account the fake broker knows. */
export interface FakeNeoAccount {
  readonly consumerKey: string;
  readonly mobileNumber: string;
  readonly ucc: string;
  /** Base32 TOTP setup key. */
  readonly totpSecret: string;
  readonly mpin: string;
}

/** Test credentials (not real ones). */
export const FAKE_NEO_ACCOUNT: FakeNeoAccount = {
  consumerKey: 'fake-consumer-key-0000',
  mobileNumber: '+919876543210',
  ucc: 'ZX1234',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  mpin: '246810',
};

type LoginOutcome = { ok: true; token: string; sid: string } | { ok: false; why: 'BAD_TOTP' | 'BAD_ACCOUNT' | 'BAD_MPIN' | 'NO_VIEW_SESSION' };

/**
 * Login and session state of the fake broker: checks the TOTP against its own clock
 * (± one 30 s step, as authenticator servers do), hands out view then trade tokens, and
 * can expire every trade session (mid-day invalid session, or a new trading day).
 */
export class FakeNeoAuth {
  private readonly views = new Map<string, string>(); // sid -> token
  private readonly trades = new Map<string, string>(); // sid -> token
  /** Every TOTP and MPIN attempt, for tests that count logins. */
  readonly attempts: { step: 'TOTP' | 'MPIN'; ok: boolean }[] = [];

  constructor(
    readonly account: FakeNeoAccount,
    private readonly clock: Clock,
  ) {}

  totpLogin(body: Record<string, unknown>, consumerKey: string | undefined): LoginOutcome {
    if (consumerKey !== this.account.consumerKey || body['mobileNumber'] !== this.account.mobileNumber || body['ucc'] !== this.account.ucc) {
      this.attempts.push({ step: 'TOTP', ok: false });
      return { ok: false, why: 'BAD_ACCOUNT' };
    }
    const secret = decodeBase32(this.account.totpSecret);
    const now = this.clock.nowMs();
    const valid = [-30_000, 0, 30_000].some((d) => totpCode({ secret, atMs: now + d }) === body['totp']);
    this.attempts.push({ step: 'TOTP', ok: valid });
    if (!valid) return { ok: false, why: 'BAD_TOTP' };
    const sid = randomUUID();
    const token = `view.${randomUUID()}`;
    this.views.set(sid, token);
    return { ok: true, token, sid };
  }

  validate(body: Record<string, unknown>, sid: string | undefined, auth: string | undefined): LoginOutcome {
    if (!sid || !auth || this.views.get(sid) !== auth) return { ok: false, why: 'NO_VIEW_SESSION' };
    const ok = body['mpin'] === this.account.mpin;
    this.attempts.push({ step: 'MPIN', ok });
    if (!ok) return { ok: false, why: 'BAD_MPIN' };
    this.views.delete(sid);
    const tradeSid = randomUUID();
    const token = `trade.${randomUUID()}`;
    this.trades.set(tradeSid, token);
    return { ok: true, token, sid: tradeSid };
  }

  /** True when `Auth`/`Sid` are a live trade session. */
  isTradeSession(sid: string | undefined, auth: string | undefined): boolean {
    return !!sid && !!auth && this.trades.get(sid) === auth;
  }

  /** Kotak ends sessions (mid-day invalid session, or overnight). */
  expireSessions(): void {
    this.trades.clear();
    this.views.clear();
  }

  /** How many trade sessions were handed out and not expired. */
  liveSessions(): number {
    return this.trades.size;
  }
}
