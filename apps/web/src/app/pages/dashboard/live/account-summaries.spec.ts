import type { AccountSummaryResponse } from '@mcube/contracts';
import { withRiskState, withSummary, withTradingStates } from './account-summaries';

const period = { realizedPaise: 0, unrealizedPaise: 0, netPaise: 0 };
const summary = (over: Partial<AccountSummaryResponse>): AccountSummaryResponse => ({
  accountId: 1, broker: 'KOTAK', name: 'Kotak Neo', isPaperTrading: true, isActive: true, tradingState: 'ACTIVE', tradingStateCauses: [], killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null },
  allocatedCapitalPaise: 600_000_000_00, margin: null, pnl: { today: period, week: period, month: period },
  limits: { dailyLossLimitPaise: null, weeklyLossLimitPaise: null, monthlyProfitTargetPaise: null, weeklyProfitTargetPaise: null },
  breaker: { tripped: false, reason: null, trippedAtMs: null }, activePositionId: null, netDelta: null, deltaThreshold: 300, asOfMs: 0, ...over,
});
const kotak = summary({});
const icici = summary({ accountId: 2, broker: 'ICICI', name: 'ICICI Breeze' });

describe('withSummary', () => {
  it('replaces the card of the account the event is about, keeping the order', () => {
    const today = { realizedPaise: 0, unrealizedPaise: -2_500_00, netPaise: -2_500_00 };
    const next = withSummary([kotak, icici], { ...kotak, pnl: { ...kotak.pnl, today } });
    expect(next.map((s) => s.broker)).toEqual(['KOTAK', 'ICICI']);
    expect(next[0].pnl.today.netPaise).toBe(-2_500_00);
    expect(next[1]).toBe(icici);
  });

  it('adds a card for an account not shown yet', () => {
    expect(withSummary([icici], kotak).map((s) => s.accountId)).toEqual([1, 2]);
  });
});

describe('withRiskState', () => {
  it('halts one account and shows its tripped breaker with the reason', () => {
    const killSwitch = { state: 'HALTED' as const, setByRole: 'admin' as const, setBy: 'admin' };
    const next = withRiskState([kotak, icici], { accountId: 1, tradingState: 'HALTED', tradingStateCauses: ['KILL_SWITCH_HALTED', 'BREAKER_TRIPPED'], killSwitch, isActive: false, breakerTripped: true, reason: 'DAILY_LOSS_LIMIT_BREACHED', atMs: 1_000 });
    expect(next[0]).toMatchObject({ tradingState: 'HALTED', tradingStateCauses: ['KILL_SWITCH_HALTED', 'BREAKER_TRIPPED'], killSwitch, isActive: false, breaker: { tripped: true, reason: 'DAILY_LOSS_LIMIT_BREACHED', trippedAtMs: 1_000 } });
    expect(next[1]).toBe(icici);
  });

  it('clears the breaker when the event says it is reset', () => {
    const tripped = { ...kotak, tradingState: 'HALTED' as const, breaker: { tripped: true, reason: 'x', trippedAtMs: 5 } };
    const next = withRiskState([tripped], { accountId: 1, tradingState: 'ACTIVE', tradingStateCauses: [], killSwitch: kotak.killSwitch, isActive: true, breakerTripped: false, reason: null, atMs: 9 });
    expect(next[0]).toMatchObject({ tradingState: 'ACTIVE', breaker: { tripped: false, reason: null, trippedAtMs: null } });
  });
});

describe('withTradingStates', () => {
  it('applies the effective states the kill switch answered with, to those accounts only', () => {
    const next = withTradingStates([kotak, icici], [{ id: 2, tradingState: 'REDUCING', tradingStateCauses: ['UNRECONCILED'], killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null } }]);
    expect(next.map((s) => [s.tradingState, s.tradingStateCauses])).toEqual([
      ['ACTIVE', []],
      ['REDUCING', ['UNRECONCILED']],
    ]);
  });
});
