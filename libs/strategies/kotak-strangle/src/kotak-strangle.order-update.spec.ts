import { epochMsOfIst, type StrategyOrderCommand } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { strategyHarness } from './testing/strategy-harness';
import type { FakeOrderOutcome } from './testing/paper-book.fake';

const DAY = '2026-03-11';
const LOOSE = { maxGiftNiftyChangePct: 100, maxUsChangePct: 100, maxNifty1dChangePct: 100, maxNifty3dChangePct: 100, eventLookaheadDays: 0, maxVix: 100 };

function harness(outcome: (intent: StrategyOrderCommand, index: number) => FakeOrderOutcome) {
  return strategyHarness({
    startMs: epochMsOfIst(DAY, '09:15'),
    makeMarket: (clock, calendar) => new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock),
    outcome,
    config: { filters: LOOSE, legFillTimeoutMs: 10 * 60_000 },
  });
}

describe('order updates pushed to the strangle (onOrderUpdate)', () => {
  it('the lagging put fill completes the entry at once; a repeat, or an order it does not watch, does nothing', async () => {
    const h = harness((intent) => (intent.purpose === 'ENTRY' && intent.instrument.optionType === 'PE' ? 'WORK' : 'FILL'));
    await h.tickAt(DAY, '10:00');
    expect(h.strategy.phase).toBe('ENTERING');
    const [, put] = h.book.commands;
    expect(put.instrument.optionType).toBe('PE');
    expect(h.strategy.watches('co-2')).toBe(true);
    expect(h.strategy.watches('co-99')).toBe(false);

    const at = epochMsOfIst(DAY, '10:00') + 1_000;
    expect(await h.strategy.onOrderUpdate('co-99', at)).toBe(false);
    expect(h.journal.records.map((r) => r.decision)).toEqual(['ENTER']);

    h.book.fill('co-2');
    expect(await h.strategy.onOrderUpdate('co-2', at)).toBe(true);
    expect(h.journal.records.map((r) => r.decision)).toEqual(['ENTER', 'ENTRY_FILLED']);
    expect(h.journal.records[1].occurredAt).toBe(at);
    expect(h.strategy.phase).toBe('IDLE');

    expect(await h.strategy.onOrderUpdate('co-2', at)).toBe(false);
    expect(h.journal.records.map((r) => r.decision)).toEqual(['ENTER', 'ENTRY_FILLED']);
    expect(h.book.commands).toHaveLength(2);
  });
});
