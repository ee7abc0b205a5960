import { accountAlarm, legImbalance } from './status-rules';

describe('legImbalance', () => {
  const leg = (optionType: 'CE' | 'PE' | null, side: 'BUY' | 'SELL', quantity: number) => ({ optionType, side, quantity });

  it('passes a balanced short strangle and a futures position', () => {
    expect(legImbalance([leg('CE', 'SELL', 650), leg('PE', 'SELL', 650)])).toBeNull();
    expect(legImbalance([leg(null, 'BUY', 75)])).toBeNull();
    expect(legImbalance([leg('CE', 'SELL', 0), leg('PE', 'SELL', 0)])).toBeNull();
  });

  it('calls a strangle whose put is flat a naked short call, and the reverse', () => {
    expect(legImbalance([leg('CE', 'SELL', 650), leg('PE', 'SELL', 0)])).toMatch(/^naked short call: 650 CE/);
    expect(legImbalance([leg('CE', 'SELL', 0), leg('PE', 'SELL', 325)])).toMatch(/^naked short put: 325 PE/);
  });

  it('calls legs of different sizes unbalanced', () => {
    expect(legImbalance([leg('CE', 'SELL', 650), leg('PE', 'SELL', 325)])).toBe('unbalanced: 650 short CE vs 325 short PE');
  });
});

describe('accountAlarm', () => {
  const ok = { tradingState: 'ACTIVE' as const, tradingStateCauses: [], breaker: { tripped: false, reason: null, trippedAtMs: null }, isActive: true };

  it('is quiet for an active, reconciled account', () => {
    expect(accountAlarm(ok)).toBeNull();
  });

  it('names every reason an account does not trade normally', () => {
    expect(accountAlarm({ ...ok, tradingState: 'HALTED', tradingStateCauses: ['KILL_SWITCH_HALTED'] })).toBe('HALTED');
    expect(accountAlarm({ ...ok, tradingState: 'REDUCING', tradingStateCauses: ['UNRECONCILED'] })).toBe('REDUCING, not reconciled');
    expect(accountAlarm({ ...ok, tradingState: 'REDUCING', tradingStateCauses: ['BREAKER_TRIPPED'], breaker: { tripped: true, reason: 'x', trippedAtMs: 1 }, isActive: false })).toBe('REDUCING, circuit breaker tripped');
  });
});
