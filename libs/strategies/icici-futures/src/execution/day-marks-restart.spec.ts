import { IciciFuturesStrategy } from '../icici-futures.strategy';
import { screenScenario, SCREEN_DATE } from '../testing/screen-scenario';
import { InMemoryFuturesStateStore } from '../testing/state-store.fake';
import { futuresHarness, type FuturesHarness } from '../testing/strategy-harness';

/** A new strategy over the same ports and store: what a restarted process builds. */
function restarted(h: FuturesHarness, state: InMemoryFuturesStateStore): IciciFuturesStrategy {
  const s = new IciciFuturesStrategy({ market: h.market, account: h.book, orders: h.book, validator: h.validator, knowledge: h.knowledge, approvals: h.approvals, journal: h.journal, alerts: h.alerts, clock: h.clock, calendar: h.calendar, state }, h.config);
  if (state.last) s.restore(state.last);
  return s;
}

/** Holding a LONG INFY position: 2 lots of 400 at 1000 (the averaging settings of position-lifecycle.spec.ts). */
function holding(time: string, state: InMemoryFuturesStateStore) {
  const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time }, state, config: { stopLossPct: 1.5, targetPct: 3, averagedStopLossPct: 1 } });
  h.book.position = { positionId: 'ICICI-IF-1', accountId: 'ICICI', underlying: 'INFY', expiry: '2026-12-29', direction: 'LONG', quantity: 800, lotSize: 400, averagePrice: 1000, riskLevels: { stopLoss: 985, target: 1030, averagingAttempts: 0, originalQuantity: 800 }, openedAtMs: 0, closedQuantity: 0 };
  return { h, setPrice: (p: number) => (h.market.underlyings.get('INFY')!.price = p) };
}

describe('ICICI day marks (screen slots, averaging requests, the overnight alert) stored across a restart', () => {
  it('a slot screened before the restart is not screened again after it; the next slot is', async () => {
    const state = new InMemoryFuturesStateStore();
    const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' }, state });
    expect((await h.strategy.runScreenIfDue(h.at(SCREEN_DATE, '09:31')))?.request).toBeTruthy();
    expect(state.last?.dayMarks).toEqual({ date: SCREEN_DATE, marks: ['screen:09:30'] });

    const again = restarted(h, state);
    expect(await again.runScreenIfDue(h.at(SCREEN_DATE, '09:45'))).toBeNull();
    expect(h.approvals.requests).toHaveLength(1);
    expect(h.journal.decisions('SCREENED')).toHaveLength(1);
    expect(await again.runScreenIfDue(h.at(SCREEN_DATE, '10:00'))).not.toBeNull();
    expect(state.last?.dayMarks).toEqual({ date: SCREEN_DATE, marks: ['screen:09:30', 'screen:10:00'] });
  });

  it('stores the slot before screening: a store failure screens nothing', async () => {
    const state = new InMemoryFuturesStateStore();
    const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' }, state });
    state.failNext = true;
    await expect(h.strategy.runScreenIfDue(h.at(SCREEN_DATE, '09:31'))).rejects.toThrow(/state store down/);
    expect(h.journal.records).toEqual([]);
    expect(h.approvals.requests).toEqual([]);
  });

  it('a state stored before the marks were kept restores with none (the slot is screened)', async () => {
    const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' } });
    h.strategy.restore({ version: 1, working: null, orderSeq: 3 });
    expect(await h.strategy.runScreenIfDue(h.at(SCREEN_DATE, '09:31'))).not.toBeNull();
  });

  it('an averaging request a person turned down is not asked again the same day after a restart', async () => {
    const state = new InMemoryFuturesStateStore();
    const { h, setPrice } = holding('10:00', state);
    setPrice(990);
    await h.strategy.onTick();
    const [request] = h.approvals.requests;
    expect(request).toMatchObject({ kind: 'AVERAGE', averaging: { decision: { attempt: 1 } } });
    h.approvals.decide(request.requestId);

    const again = restarted(h, state);
    await again.onTick(h.at(SCREEN_DATE, '10:05'));
    expect(h.approvals.requests).toHaveLength(1);
    expect(h.alerts.alerts.filter((a) => a.title === 'ICICI averaging awaits approval')).toHaveLength(1);
  });

  it('the overnight-hold alert raised before the restart is not raised again that day', async () => {
    const state = new InMemoryFuturesStateStore();
    const { h, setPrice } = holding('15:15', state);
    setPrice(1004);
    await h.strategy.onTick();
    expect(h.alerts.alerts.filter((a) => a.title.includes('held overnight'))).toHaveLength(1);

    const again = restarted(h, state);
    await again.onTick(h.at(SCREEN_DATE, '15:16'));
    expect(h.alerts.alerts.filter((a) => a.title.includes('held overnight'))).toHaveLength(1);
    expect(h.journal.decisions('HOLD').at(-1)).toMatchObject({ reasonCode: 'EOD_HOLD_BELOW_MIN_PROFIT' });
  });
});
