import type { OrderPurpose } from '../orders/order-types';
import { accountStateDenial, effectiveTradingStateOf } from './account-state-verdict';
import { runRiskChecks } from './run-risk-checks';
import type { ReconciliationState, RiskContext, TradingState } from './risk-context';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';
import { effectiveTradingState, onlyReduces, tradingStateAllows, type TradingStateCause } from './trading-state';

/** The README's "Trading states" table, row by row: facts → effective state, causes, and what may leave. */
type Row = [label: string, facts: { ks?: TradingState; rec?: ReconciliationState; breaker?: boolean; active?: boolean }, effective: TradingState, causes: TradingStateCause[], entry: string | null, exit: string | null];
const TABLE: Row[] = [
  ['ACTIVE', {}, 'ACTIVE', [], null, null],
  ['kill switch HALTED', { ks: 'HALTED' }, 'HALTED', ['KILL_SWITCH_HALTED'], 'TRADING_HALTED', 'TRADING_HALTED'],
  ['kill switch REDUCING', { ks: 'REDUCING' }, 'REDUCING', ['KILL_SWITCH_REDUCING'], 'REDUCING_ONLY', null],
  ['not reconciled since start-up', { rec: 'PENDING' }, 'REDUCING', ['UNRECONCILED'], 'NOT_RECONCILED', null],
  ['reconciliation mismatch', { rec: 'MISMATCH' }, 'REDUCING', ['RECONCILIATION_MISMATCH'], 'NOT_RECONCILED', null],
  ['breaker tripped (account deactivated)', { breaker: true, active: false }, 'REDUCING', ['BREAKER_TRIPPED', 'ACCOUNT_INACTIVE'], 'ACCOUNT_INACTIVE', null],
  ['inactive after the breaker was flattened', { active: false }, 'REDUCING', ['ACCOUNT_INACTIVE'], 'ACCOUNT_INACTIVE', null],
  ['HALTED and not reconciled', { ks: 'HALTED', rec: 'PENDING' }, 'HALTED', ['KILL_SWITCH_HALTED', 'UNRECONCILED'], 'TRADING_HALTED', 'TRADING_HALTED'],
  ['every cause at once', { ks: 'REDUCING', rec: 'MISMATCH', breaker: true, active: false }, 'REDUCING', ['KILL_SWITCH_REDUCING', 'RECONCILIATION_MISMATCH', 'BREAKER_TRIPPED', 'ACCOUNT_INACTIVE'], 'REDUCING_ONLY', null],
];

// A whole context (also spread into the full checks below); the account-state functions take it as their narrower type.
function contextOf(f: Row[1]): RiskContext {
  const ctx = buildRiskContext({ tradingState: f.ks ?? 'ACTIVE', reconciliation: f.rec ?? 'RECONCILED', breakerTripped: f.breaker ?? false, account: { active: f.active ?? true } });
  return ctx;
}

describe('the trading-state model (README "Risk": trading states)', () => {
  it.each(TABLE)('%s → effective state and causes', (_, facts, effective, causes) => {
    expect(effectiveTradingStateOf(contextOf(facts))).toEqual({ effective, causes });
  });

  it.each(TABLE)('%s → an entry is refused with the expected code, a confirmed reduction only by the kill switch', (_, facts, _e, _c, entry, exit) => {
    const ctx = contextOf(facts);
    expect(accountStateDenial(buildRiskCheckedOrder(), ctx)?.code ?? null).toBe(entry);
    expect(accountStateDenial(buildExitOrder(), ctx)?.code ?? null).toBe(exit);
    expect(accountStateDenial(buildExitOrder({ purpose: 'ADJUST' }), ctx)?.code ?? null).toBe(exit);
  });

  it.each(TABLE)('%s → a stop-loss exit passes every one of the checks unless the kill switch HALTED it (loss limits, margin, breaker…)', (_, facts, _e, _c, _entry, exit) => {
    const ctx = { ...buildRiskContext({ pnl: { todayPaise: -1_00_00_000_00, weekPaise: -1_00_00_000_00, equityPaise: 1_00_00_000 }, margins: { usablePaise: 0, availablePaise: 0 }, activePositionExists: true }), ...contextOf(facts) };
    expect(runRiskChecks(buildExitOrder(), ctx).firstDenial?.code ?? null).toBe(exit);
  });

  it.each(TABLE)('%s → the reported state and the order checks never disagree', (_, facts) => {
    const ctx = contextOf(facts);
    const { effective } = effectiveTradingStateOf(ctx);
    const purposes: OrderPurpose[] = ['ENTRY', 'AVERAGE', 'EXIT', 'ADJUST'];
    for (const purpose of purposes) {
      for (const reducesPosition of [true, false]) {
        if (purpose === 'EXIT' && !reducesPosition) continue; // never an exit: below
        const allowed = accountStateDenial({ accountId: 'KOTAK-1', broker: 'KOTAK', purpose, reducesPosition }, ctx) === undefined;
        expect({ purpose, reducesPosition, allowed }).toEqual({ purpose, reducesPosition, allowed: tradingStateAllows(effective, { purpose, reducesPosition }) });
      }
    }
  });

  it('refuses an EXIT that reduces nothing in every state (it would open or overshoot a position)', () => {
    expect(accountStateDenial(buildExitOrder({ reducesPosition: false }), contextOf({}))?.code).toBe('EXIT_NOT_REDUCING');
    expect(accountStateDenial(buildExitOrder({ reducesPosition: false }), contextOf({ rec: 'PENDING' }))?.code).toBe('NOT_RECONCILED');
    expect(accountStateDenial(buildExitOrder({ reducesPosition: false }), contextOf({ ks: 'REDUCING' }))?.code).toBe('REDUCING_ONLY');
  });

  it('treats a context without a reconciliation fact as reconciled', () => {
    const { reconciliation: _r, ...ctx } = buildRiskContext();
    expect(effectiveTradingStateOf(ctx).effective).toBe('ACTIVE');
    expect(effectiveTradingState({ killSwitch: 'ACTIVE', reconciliation: 'RECONCILED', breakerTripped: false, accountActive: true })).toEqual({ effective: 'ACTIVE', causes: [] });
  });
});

describe('onlyReduces (a position the journal or the broker confirms)', () => {
  it.each([
    ['a BUY of a short, in full', { netQuantity: -650, side: 'BUY', quantity: 650 }, true],
    ['a BUY of part of a short', { netQuantity: -650, side: 'BUY', quantity: 65 }, true],
    ['a SELL of a long', { netQuantity: 500, side: 'SELL', quantity: 500 }, true],
    ['a BUY of more than the short', { netQuantity: -650, side: 'BUY', quantity: 715 }, false],
    ['a BUY when flat (the broker has nothing)', { netQuantity: 0, side: 'BUY', quantity: 650 }, false],
    ['a SELL of a short (adds to it)', { netQuantity: -650, side: 'SELL', quantity: 650 }, false],
    ['a BUY of a long (adds to it)', { netQuantity: 500, side: 'BUY', quantity: 500 }, false],
    ['a BUY when another working exit already covers the short', { netQuantity: -650, side: 'BUY', quantity: 650, pendingQuantity: 650 }, false],
    ['a BUY of what other working exits leave', { netQuantity: -650, side: 'BUY', quantity: 325, pendingQuantity: 325 }, true],
    ['zero units', { netQuantity: -650, side: 'BUY', quantity: 0 }, false],
    ['fractional units', { netQuantity: -650, side: 'BUY', quantity: 1.5 }, false],
  ] as const)('%s → %p', (_, query, expected) => {
    expect(onlyReduces(query)).toBe(expected);
  });
});
