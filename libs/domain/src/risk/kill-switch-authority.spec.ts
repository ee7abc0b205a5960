import type { TradingState } from './risk-context';
import { killSwitchVerdict, type KillSwitchChange, type KillSwitchSetter } from './kill-switch-authority';

type Actor = KillSwitchChange['actor'];
const change = (from: TradingState, setBy: KillSwitchSetter | null, to: TradingState, actor: Actor, allAccounts = false): KillSwitchChange => ({ from, setBy, to, actor, allAccounts });

describe('killSwitchVerdict (who may move the kill switch)', () => {
  it.each([
    // [from, set by, to, actor, allowed, recorded setter]
    ['ACTIVE', null, 'HALTED', 'trader', true, 'trader'],
    ['ACTIVE', null, 'REDUCING', 'trader', true, 'trader'],
    ['HALTED', 'trader', 'ACTIVE', 'trader', true, null],
    ['HALTED', 'trader', 'REDUCING', 'trader', true, 'trader'],
    ['HALTED', 'admin', 'ACTIVE', 'trader', false, undefined],
    ['HALTED', 'admin', 'REDUCING', 'trader', false, undefined],
    ['REDUCING', 'admin', 'ACTIVE', 'trader', false, undefined],
    ['HALTED', 'system', 'ACTIVE', 'trader', false, undefined],
    ['HALTED', null, 'ACTIVE', 'trader', false, undefined],
    ['HALTED', 'admin', 'ACTIVE', 'admin', true, null],
    ['HALTED', 'system', 'REDUCING', 'admin', true, 'admin'],
    ['REDUCING', 'admin', 'HALTED', 'trader', true, 'admin'],
    ['HALTED', 'admin', 'HALTED', 'trader', true, 'admin'],
    ['REDUCING', 'trader', 'HALTED', 'admin', true, 'admin'],
    ['ACTIVE', null, 'HALTED', 'viewer', false, undefined],
  ] as const)('%s set by %s → %s by a %s: allowed %p', (from, setBy, to, actor, allowed, setter) => {
    const v = killSwitchVerdict(change(from, setBy, to, actor));
    expect(v.ok).toBe(allowed);
    if (v.ok) expect(v.setBy).toBe(setter);
    else expect(v.reason).toMatch(/admin|viewer/);
  });

  it('lets a trader halt every account at once but only an admin lift them all', () => {
    expect(killSwitchVerdict(change('ACTIVE', null, 'HALTED', 'trader', true))).toEqual({ ok: true, setBy: 'trader' });
    expect(killSwitchVerdict(change('REDUCING', 'admin', 'HALTED', 'trader', true))).toEqual({ ok: true, setBy: 'admin' });
    expect(killSwitchVerdict(change('HALTED', 'trader', 'ACTIVE', 'trader', true))).toEqual({ ok: false, reason: 'only an admin lifts every account at once' });
    expect(killSwitchVerdict(change('ACTIVE', null, 'HALTED', 'viewer', true)).ok).toBe(false);
    expect(killSwitchVerdict(change('ACTIVE', null, 'HALTED', 'admin', true))).toEqual({ ok: true, setBy: 'admin' });
  });

  it('never lets a trader lift an admin state by first tightening it', () => {
    const tightened = killSwitchVerdict(change('REDUCING', 'admin', 'HALTED', 'trader'));
    expect(tightened).toEqual({ ok: true, setBy: 'admin' });
    expect(killSwitchVerdict(change('HALTED', tightened.ok ? tightened.setBy : null, 'ACTIVE', 'trader')).ok).toBe(false);
  });
});
