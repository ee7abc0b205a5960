import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { resolveKotakStrangleConfig } from '../config/validate-config';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import { InMemoryDecisionJournal, RecordingAlertSink } from '../testing/in-memory-journal.fake';
import { FakePaperBook } from '../testing/paper-book.fake';
import { ClosingPlan } from './closing-plan';

const DAY = '2026-03-11';

describe('a closing plan resumed after a restart', () => {
  function world() {
    const clock = new FixedClock(epochMsOfIst(DAY, '11:00'));
    const calendar = createDefaultNseCalendar();
    const market = new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock);
    // Buy-backs rest unfilled: the order the plan sent is still working when the process dies.
    const book = new FakePaperBook(() => 'WORK', undefined, () => clock.nowMs());
    const deps: KotakStrangleDeps = { market, orders: book, positions: book, journal: new InMemoryDecisionJournal(), alerts: new RecordingAlertSink(), clock, calendar };
    return { clock, book, deps, config: resolveKotakStrangleConfig({ closeOrderTimeoutMs: 30_000 }) };
  }

  it('finds the order it sent but had not saved (same ref) instead of sending a second buy-back', async () => {
    const { clock, book, deps, config } = world();
    const chain = await deps.market.optionChain({ underlying: 'NIFTY', expiry: '2026-03-17' });
    const strike = chain.strikes.find((r) => r.call && r.strike > chain.spot)!.strike;
    const plan = new ClosingPlan('7', '2026-03-17', 'UNWIND', 'LEG_FILL_TIMEOUT', [{ optionType: 'CE', strike, targetQuantity: 650, closedQuantity: 0, order: null, refusals: 0 }]);
    const beforeSend = plan.snapshot();
    await plan.advance(clock.nowMs(), deps, config);
    expect(book.intents).toHaveLength(1);

    // The process died after the send and before the plan was saved again: the restart has the older plan.
    const restored = ClosingPlan.fromSnapshot(JSON.parse(JSON.stringify(beforeSend)));
    await restored.advance(clock.nowMs() + 5_000, deps, config);
    expect(book.intents).toHaveLength(1);
    expect(restored.legs[0].order?.clientOrderId).toBe('co-1');

    // Past the close timeout the working order is cancelled and the next one is a new order.
    await restored.advance(clock.nowMs() + 40_000, deps, config);
    await restored.advance(clock.nowMs() + 45_000, deps, config);
    expect(book.cancels).toEqual(['co-1']);
    expect(book.intents).toHaveLength(2);
    expect(restored.snapshot().legs[0].sent).toBe(2);
  });
});
