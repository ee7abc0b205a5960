import type { TradingState } from './risk-context';

/** Who set a kill-switch state: a person by role, or mCube itself. */
export type KillSwitchSetter = 'admin' | 'trader' | 'system';

/** A requested kill-switch change. */
export interface KillSwitchChange {
  /** The account's switch now, and who set it (null: nobody recorded, counted as the system). */
  readonly from: TradingState;
  readonly setBy: KillSwitchSetter | null;
  readonly to: TradingState;
  /** The person asking. */
  readonly actor: 'admin' | 'trader' | 'viewer';
  /** Every account at once (no account named). */
  readonly allAccounts: boolean;
}

/** Allowed (with who the new state counts as set by; null once ACTIVE) or refused with why. */
export type KillSwitchVerdict = { readonly ok: true; readonly setBy: KillSwitchSetter | null } | { readonly ok: false; readonly reason: string };

const RANK: Record<TradingState, number> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };
const AUTHORITY: Record<KillSwitchSetter, number> = { trader: 1, admin: 2, system: 2 };

/**
 * Who may move the kill switch (DECISIONS §6, apps/api/SECURITY.md):
 * - a viewer never; lifting every account at once: an admin only (a trader may tighten them all:
 *   a panic halt must never wait for an admin);
 * - tightening one account (toward HALTED) or restating it: a trader or an admin;
 * - loosening (HALTED → REDUCING/ACTIVE, REDUCING → ACTIVE) a state set by an admin or by the
 *   system (or by nobody recorded): an admin only; one set by a trader: a trader or an admin.
 * A trader tightening an admin's state does not make it theirs: the stronger setter stays, so a
 * trader can never lift what an admin put in place. Breaker trips are not the kill switch:
 * only an admin resets them (the breaker reset route).
 */
export function killSwitchVerdict(c: KillSwitchChange): KillSwitchVerdict {
  if (c.actor === 'viewer') return { ok: false, reason: 'a viewer cannot change the kill switch' };
  const loosens = RANK[c.to] < RANK[c.from];
  if (c.allAccounts && loosens && c.actor !== 'admin') return { ok: false, reason: 'only an admin lifts every account at once' };
  const previous: KillSwitchSetter | null = c.from === 'ACTIVE' ? null : (c.setBy ?? 'system');
  if (loosens && c.actor !== 'admin' && previous !== null && AUTHORITY[previous] > AUTHORITY[c.actor]) {
    return { ok: false, reason: `${c.from} was set by ${previous === 'system' ? 'the system' : 'an admin'}: only an admin lifts it` };
  }
  if (c.to === 'ACTIVE') return { ok: true, setBy: null };
  const keep = previous !== null && AUTHORITY[previous] > AUTHORITY[c.actor];
  return { ok: true, setBy: keep ? previous : c.actor };
}
