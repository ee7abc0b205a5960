import { epochMsOfIst } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { strategyHarness } from '../testing/strategy-harness';
import type { FakeOrderOutcome } from '../testing/paper-book.fake';
import type { StrategyOrderCommand } from '@mcube/domain';

const DAY = '2026-03-11';
// Loose thresholds so the entry is decided by the order path under test, not the market of the day.
const LOOSE = { maxGiftNiftyChangePct: 100, maxUsChangePct: 100, maxNifty1dChangePct: 100, maxNifty3dChangePct: 100, eventLookaheadDays: 0, maxVix: 100 };

function harness(outcome: (intent: StrategyOrderCommand, index: number) => FakeOrderOutcome) {
  return strategyHarness({
    startMs: epochMsOfIst(DAY, '09:15'),
    makeMarket: (clock, calendar) => new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock),
    outcome,
    config: { filters: LOOSE, legFillTimeoutMs: 60_000 },
  });
}

describe('entry legs that do not both fill', () => {
  it('unwinds the filled call when the put is rejected, and the journal says why', async () => {
    const h = harness((intent, i) => (i === 1 ? 'REJECT' : 'FILL'));
    await h.tickAt(DAY, '10:00');

    const [call, put, unwind] = h.book.commands;
    expect([call.side, call.instrument.optionType, call.purpose]).toEqual(['SELL', 'CE', 'ENTRY']);
    expect([put.side, put.instrument.optionType]).toEqual(['SELL', 'PE']);
    expect(unwind).toMatchObject({ side: 'BUY', purpose: 'EXIT', callerFigures: undefined, quantity: call.quantity, strategyPositionId: call.strategyPositionId });
    expect(unwind.instrument).toEqual(call.instrument);
    expect(h.book.commands).toHaveLength(3);
    expect(h.book.openPositions()).toEqual([]);

    const aborted = h.journal.records.find((r) => r.decision === 'ENTRY_ABORTED')!;
    expect(aborted.reasonCode).toBe('SECOND_LEG_REFUSED');
    expect(aborted.message).toContain(`${put.instrument.strike} PE rejected`);
    expect(aborted.message).toContain('unwinding');
    expect(h.journal.records.map((r) => r.decision)).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED', 'UNWIND_COMPLETE']);
    expect(h.alerts.alerts.map((a) => a.severity)).toEqual(['CRITICAL']);
    expect(h.strategy.phase).toBe('IDLE');
  });

  it('sends nothing when the entry is denied (both legs are checked as one) and sends nothing more', async () => {
    const h = harness(() => 'DENY');
    await h.tickAt(DAY, '10:00');
    expect(h.book.commands.map((i) => [i.instrument.optionType, i.purpose])).toEqual([
      ['CE', 'ENTRY'],
      ['PE', 'ENTRY'],
    ]);
    await h.tickAt(DAY, '10:05');
    expect(h.book.commands).toHaveLength(2);
    expect(h.journal.records.map((r) => [r.decision, r.reasonCode])).toEqual([
      ['ENTER', 'ALL_CHECKS_PASSED'],
      ['ENTRY_ABORTED', 'FIRST_LEG_REFUSED'],
    ]);
    expect(h.alerts.alerts.map((a) => a.severity)).toEqual(['WARNING']);
  });

  it('cancels the unfilled put after the fill timeout and unwinds the call', async () => {
    const h = harness((intent) => (intent.purpose === 'ENTRY' && intent.instrument.optionType === 'PE' ? 'WORK' : 'FILL'));
    await h.tickAt(DAY, '10:00');
    expect(h.strategy.phase).toBe('ENTERING');
    await h.tickAt(DAY, '10:00:59');
    expect(h.book.cancels).toEqual([]);
    expect(h.book.commands).toHaveLength(2);

    await h.tickAt(DAY, '10:01');
    expect(h.book.cancels).toEqual(['co-2']);
    const unwind = h.book.commands[2];
    expect(unwind).toMatchObject({ side: 'BUY', purpose: 'EXIT', quantity: h.book.commands[0].quantity });
    expect(unwind.instrument.optionType).toBe('CE');
    expect(h.book.openPositions()).toEqual([]);
    const aborted = h.journal.records.find((r) => r.decision === 'ENTRY_ABORTED')!;
    expect(aborted.reasonCode).toBe('LEG_FILL_TIMEOUT');
    expect(aborted.message).toMatch(/PE 0\/\d+/);
    expect(h.strategy.phase).toBe('IDLE');
  });

  it('re-prices an unwind order that stays unfilled past the close timeout', async () => {
    let unwinds = 0;
    const h = harness((intent, i) => {
      if (i === 1) return 'REJECT';
      if (intent.purpose === 'EXIT') return ++unwinds === 1 ? 'WORK' : 'FILL';
      return 'FILL';
    });
    await h.tickAt(DAY, '10:00');
    expect(h.strategy.phase).toBe('CLOSING');
    await h.tickAt(DAY, '10:00:31');
    expect(h.book.cancels).toEqual(['co-3']);
    expect(h.book.commands.slice(2).map((i) => i.side)).toEqual(['BUY', 'BUY']);
    expect(h.book.openPositions()).toEqual([]);
    expect(h.journal.records.map((r) => r.decision)).toContain('UNWIND_ORDER_REPRICED');
    expect(h.strategy.phase).toBe('IDLE');
  });
});
