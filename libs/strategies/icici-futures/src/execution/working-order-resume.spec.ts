import { IciciFuturesStrategy } from '../icici-futures.strategy';
import { screenScenario, SCREEN_DATE } from '../testing/screen-scenario';
import { InMemoryFuturesStateStore } from '../testing/state-store.fake';
import { futuresHarness, type FuturesHarness } from '../testing/strategy-harness';
import type { FakeFuturesOutcome } from '../testing/futures-book.fake';

const approve = { approved: true, approval: { approvedBy: 'trader@desk', approvedAt: 0, token: 'tok-secret' } };

/** A new strategy over the same book, journal and store: what a restarted process builds. */
function restarted(h: FuturesHarness, state: InMemoryFuturesStateStore): IciciFuturesStrategy {
  const s = new IciciFuturesStrategy({ market: h.market, account: h.book, orders: h.book, validator: h.validator, knowledge: h.knowledge, approvals: h.approvals, journal: h.journal, alerts: h.alerts, clock: h.clock, calendar: h.calendar, state }, h.config);
  if (state.last) s.restore(state.last);
  return s;
}

async function approvedEntry(outcome: () => FakeFuturesOutcome) {
  const state = new InMemoryFuturesStateStore();
  const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' }, state, outcome, config: { entryFillTimeoutMs: 60 * 60_000 } });
  const request = (await h.strategy.runScreen()).request!;
  return { h, state, request, send: () => h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve }, h.at(SCREEN_DATE, '09:31')) };
}

describe('ICICI working order stored across a restart', () => {
  it('stores the order (its clientOrderId, no approval token) before it is sent', async () => {
    let storedAtSend: unknown = 'not sent';
    const state = new InMemoryFuturesStateStore();
    const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' }, state, outcome: () => ((storedAtSend = state.last), 'WORK') });
    const request = (await h.strategy.runScreen()).request!;
    const out = await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve });
    expect(out).toMatchObject({ status: 'SUBMITTED', clientOrderId: 'co-1' });
    expect(storedAtSend).toMatchObject({ version: 1, orderSeq: 1, working: { purpose: 'ENTRY', clientOrderId: 'co-1', request: { requestId: request.requestId } } });
    expect(JSON.stringify(state.saves)).not.toContain('tok-secret');
  });

  it('sends nothing when the store cannot save', async () => {
    const { h, state, send } = await approvedEntry(() => 'WORK');
    state.failNext = true;
    await expect(send()).rejects.toThrow(/state store down/);
    expect(h.book.intents).toEqual([]);
  });

  it('a restart with the entry working follows it (no second order) and stores stop and target after its fill', async () => {
    const { h, state, send } = await approvedEntry(() => 'WORK');
    await send();
    const again = restarted(h, state);
    expect(again.phase).toBe('ORDER_WORKING');
    await again.onTick(h.at(SCREEN_DATE, '09:32'));
    expect(again.phase).toBe('ORDER_WORKING');
    expect(h.journal.decisions('ENTRY_RESUMED')).toHaveLength(1);
    h.book.fill('co-1');
    expect(await again.onOrderUpdate('co-1', h.at(SCREEN_DATE, '09:33'))).toBe(true);
    expect(h.book.intents).toHaveLength(1);
    expect(h.book.levelWrites).toHaveLength(1);
    expect(h.journal.decisions('ENTRY_FILLED')).toHaveLength(1);
    expect(state.last).toMatchObject({ working: null, orderSeq: 1 });
  });

  it('an entry stored but never sent (the process stopped in between) is dropped after the restart, not sent', async () => {
    const { h, state, send } = await approvedEntry(() => {
      throw new Error('process killed');
    });
    await expect(send()).rejects.toThrow(/process killed/);
    expect(state.last?.working).toMatchObject({ clientOrderId: 'co-1' });
    const again = restarted(h, state);
    await again.onTick(h.at(SCREEN_DATE, '09:32'));
    expect(h.journal.decisions('ENTRY_NOT_SENT')[0]).toMatchObject({ reasonCode: 'RESTARTED' });
    expect(again.phase).toBe('IDLE');
    expect(h.book.intents).toHaveLength(1);
    expect(state.last).toMatchObject({ working: null, orderSeq: 1 });
  });

  it('refuses an unknown state version', async () => {
    const { h } = await approvedEntry(() => 'WORK');
    expect(() => h.strategy.restore({ version: 2 as 1, working: null, orderSeq: 0 })).toThrow(/unknown ICICI futures state version/);
  });
});

describe('ICICI averaging order followed again after a restart', () => {
  it('counts one averaging once when the process stopped after storing its levels but before clearing the order', async () => {
    const state = new InMemoryFuturesStateStore();
    const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '10:00' }, state, config: { stopLossPct: 1.5, targetPct: 3, averagedStopLossPct: 1 } });
    h.book.lotSize = 400;
    h.book.position = { positionId: 'ICICI-IF-1', accountId: 'ICICI', underlying: 'INFY', expiry: '2026-12-29', direction: 'LONG', quantity: 800, lotSize: 400, averagePrice: 1000, riskLevels: { stopLoss: 985, target: 1030, averagingAttempts: 0, originalQuantity: 800 }, openedAtMs: 0, closedQuantity: 0 };
    h.market.underlyings.get('INFY')!.price = 990;
    await h.strategy.onTick();
    const request = h.approvals.requests[0];
    expect(request).toMatchObject({ kind: 'AVERAGE', averaging: { decision: { attempt: 1 } } });
    h.approvals.decide(request.requestId);
    expect(await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve }, h.at(SCREEN_DATE, '10:01'))).toMatchObject({ status: 'SUBMITTED' });
    // The fill's levels are stored, then the process stops before the order is cleared from the store.
    state.failNext = true;
    await expect(h.strategy.onTick(h.at(SCREEN_DATE, '10:01:05'))).rejects.toThrow(/state store down/);
    expect(h.book.position).toMatchObject({ riskLevels: { stopLoss: 985.1, averagingAttempts: 1 } });
    expect(state.last?.working).toMatchObject({ purpose: 'AVERAGE' });

    const again = restarted(h, state);
    await again.onTick(h.at(SCREEN_DATE, '10:02'));
    expect(h.book.position).toMatchObject({ quantity: 1600, riskLevels: { stopLoss: 985.1, averagingAttempts: 1 } });
    expect(h.book.levelWrites).toHaveLength(1);
    expect(h.book.intents).toHaveLength(1);
    expect(state.last).toMatchObject({ working: null });
  });
});
