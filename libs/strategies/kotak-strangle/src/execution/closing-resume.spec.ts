import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { resolveKotakStrangleConfig } from '../config/validate-config';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import { InMemoryDecisionJournal, RecordingAlertSink } from '../testing/in-memory-journal.fake';
import { FakePaperBook } from '../testing/paper-book.fake';
import { ClosingPlan, resumedClosingLegs } from './closing-plan';
import { legCommand } from './order-commands';

const DAY = '2026-03-11';
const EXPIRY = '2026-03-17';

describe('a closing plan rebuilt after a restart', () => {
  function world() {
    const clock = new FixedClock(epochMsOfIst(DAY, '11:00'));
    const calendar = createDefaultNseCalendar();
    const market = new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock);
    // The entry leg fills; buy-backs rest unfilled: the order the plan sent is still working when the process dies.
    const book = new FakePaperBook((intent) => (intent.purpose === 'EXIT' ? 'WORK' : 'FILL'), undefined, () => clock.nowMs());
    const deps: KotakStrangleDeps = { market, orders: book, positions: book, journal: new InMemoryDecisionJournal(), alerts: new RecordingAlertSink(), clock, calendar };
    return { clock, book, deps, config: resolveKotakStrangleConfig({ closeOrderTimeoutMs: 30_000 }) };
  }

  it('adopts the order it sent before the crash (from the position view) instead of sending a second buy-back', async () => {
    const { clock, book, deps, config } = world();
    const chain = await deps.market.optionChain({ underlying: 'NIFTY', expiry: EXPIRY });
    const strike = chain.strikes.find((r) => r.call && r.strike > chain.spot)!.strike;
    await book.submit(legCommand({ positionId: '7', expiry: EXPIRY, optionType: 'CE', strike, side: 'SELL', quantity: 650, limitPrice: 100, purpose: 'ENTRY', estimatedMarginPaise: 1 }, config));
    const plan = new ClosingPlan('7', EXPIRY, 'UNWIND', 'LEG_FILL_TIMEOUT', [{ optionType: 'CE', strike, targetQuantity: 650, closedQuantity: 0, order: null, refusals: 0 }]);
    await plan.advance(clock.nowMs(), deps, config);
    const exits = () => book.commands.filter((i) => i.purpose === 'EXIT');
    expect(exits()).toHaveLength(1);

    // The process died after the send: the new process has only what is stored (the position and its orders).
    const position = await book.activePosition(config.accountId);
    const restored = new ClosingPlan('7', EXPIRY, 'EXIT', 'LEG_FILL_TIMEOUT', resumedClosingLegs(position!.legs));
    clock.advance(5_000);
    await restored.advance(clock.nowMs(), deps, config);
    expect(exits()).toHaveLength(1);
    expect(restored.legs[0].order?.clientOrderId).toBe('co-2');

    // Past the close timeout (counted from the send, not the restart) the working order is cancelled and the next one is a new order.
    clock.advance(30_000);
    await restored.advance(clock.nowMs(), deps, config);
    expect(book.cancels).toEqual(['co-2']);
    expect(exits()).toHaveLength(2);
    expect(restored.legs[0].order?.clientOrderId).toBe('co-3');
  });
});
