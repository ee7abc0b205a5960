import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type MarketDataPort, type OptionChainSnapshot, type StrategyOrderCommand } from '@mcube/domain';
import { resolveKotakStrangleConfig } from './config/validate-config';
import { ClosingPlan } from './execution/closing-plan';
import { legCommand } from './execution/order-commands';
import { KotakStrangleStrategy } from './kotak-strangle.strategy';
import type { KotakStrangleDeps } from './ports/strategy-deps';
import { InMemoryDecisionJournal, RecordingAlertSink } from './testing/in-memory-journal.fake';
import { FakePaperBook } from './testing/paper-book.fake';

const EXPIRY = '2026-03-17';
const POSITION = 'KOTAK-KS-2026-03-10-1';
const NOW = epochMsOfIst('2026-03-10', '12:00'); // after the entry window: ticks only monitor

/** A market that only knows the two legs' chain rows (what a closing plan reads). */
function chainMarket(call: number, put: number): MarketDataPort {
  const chain: OptionChainSnapshot = {
    underlying: 'NIFTY',
    expiry: EXPIRY,
    spot: 23000,
    asOfMs: NOW,
    strikes: [
      { strike: 22500, put: { lastPrice: put, source: 'REAL', bid: put - 0.5, ask: put + 0.5 } },
      { strike: 23500, call: { lastPrice: call, source: 'REAL', bid: call - 0.5, ask: call + 0.5 } },
    ],
  };
  return { optionChain: async () => chain } as unknown as MarketDataPort;
}

/** A filled two-leg strangle in the book; exits work until filled by the test. */
async function openStrangle() {
  const book = new FakePaperBook((intent: StrategyOrderCommand) => (intent.purpose === 'EXIT' ? 'WORK' : 'FILL'));
  const config = resolveKotakStrangleConfig({});
  for (const [optionType, strike, limitPrice] of [['CE', 23500, 120.5], ['PE', 22500, 80]] as const) {
    await book.submit(legCommand({ positionId: POSITION, expiry: EXPIRY, optionType, strike, side: 'SELL', quantity: 650, limitPrice, purpose: 'ENTRY', estimatedMarginPaise: 1 }, config));
  }
  const journal = new InMemoryDecisionJournal();
  const deps: KotakStrangleDeps = { market: chainMarket(250, 60), orders: book, positions: book, journal, alerts: new RecordingAlertSink(), clock: new FixedClock(NOW), calendar: createDefaultNseCalendar() };
  return { book, config, deps, journal };
}

const exitsOf = (book: FakePaperBook) => book.commands.map((intent, i) => ({ intent, id: `co-${i + 1}` })).filter((x) => x.intent.purpose === 'EXIT');

describe('the strategy closing a strangle leg by leg', () => {
  it("leaves a leg whose closing order a person canceled, and buys back the other (fails on main: it sent the leg again)", async () => {
    const { book, config, deps } = await openStrangle();
    const plan = new ClosingPlan(POSITION, EXPIRY, 'EXIT', 'STOP_LOSS', [
      { optionType: 'CE', strike: 23500, targetQuantity: 650, closedQuantity: 0, order: null, refusals: 0 },
      { optionType: 'PE', strike: 22500, targetQuantity: 650, closedQuantity: 0, order: null, refusals: 0 },
    ]);
    expect((await plan.advance(NOW, deps, config)).map((e) => e.type)).toEqual(['SUBMITTED', 'SUBMITTED']);
    const [callExit, putExit] = exitsOf(book);
    book.cancelAsPerson(callExit.id);
    book.fill(putExit.id);

    const events = await plan.advance(NOW + 1_000, deps, config);
    expect(events.map((e) => [e.type, e.optionType])).toEqual([['HELD', 'CE']]);
    expect(plan.done).toBe(true);
    expect(plan.heldLegs.map((l) => l.optionType)).toEqual(['CE']);
    await plan.advance(NOW + config.closeOrderTimeoutMs * 2, deps, config);
    expect(exitsOf(book)).toHaveLength(2);
  });

  it('resumes its stored exit after a restart, adopting the working order instead of sending a second one (fails on main: the exit was forgotten)', async () => {
    const { book, config, deps, journal } = await openStrangle();
    // The process that decided the stop-loss stored it and sent the call's exit, then died.
    await book.requestExit(POSITION, 'STOP_LOSS');
    await book.submit(legCommand({ positionId: POSITION, expiry: EXPIRY, optionType: 'CE', strike: 23500, side: 'BUY', quantity: 650, limitPrice: 200, purpose: 'EXIT', estimatedMarginPaise: 0 }, config));

    const restarted = new KotakStrangleStrategy(deps, config);
    await restarted.onTick(NOW);
    // The adopted call exit rested past the close timeout behind the 250 market: canceled and re-priced; the put is sent once.
    expect(journal.records.map((r) => r.decision)).toEqual(['EXIT_RESUMED', 'EXIT_ORDER_REPRICED', 'EXIT_ORDER_SUBMITTED', 'EXIT_ORDER_SUBMITTED']);
    expect(book.cancels).toEqual(['co-3']);
    expect(exitsOf(book).map((x) => [x.intent.instrument.optionType, x.intent.limitPrice])).toEqual([
      ['CE', 200],
      ['CE', 250.5],
      ['PE', 60.5],
    ]);
    await restarted.onTick(NOW + 1_000);
    expect(exitsOf(book)).toHaveLength(3);
    for (const { id } of exitsOf(book).slice(1)) book.fill(id);
    await restarted.onTick(NOW + 2_000);
    expect(journal.records.at(-1)?.decision).toBe('EXIT_COMPLETE');
    expect(book.openPositions()).toEqual([]);
  });

  it("keeps out of an exit a person or the breaker owns, and hands its own over when they take it", async () => {
    const { book, config, deps, journal } = await openStrangle();
    const strategy = new KotakStrangleStrategy(deps, config);
    book.exits.set(POSITION, { owner: 'PERSON', reasonCode: 'MANUAL' });
    await strategy.onTick(NOW);
    expect(exitsOf(book)).toEqual([]);
    expect(journal.records).toEqual([]);

    book.exits.set(POSITION, { owner: 'STRATEGY', reasonCode: 'STOP_LOSS' });
    await strategy.onTick(NOW);
    expect(strategy.phase).toBe('CLOSING');
    book.exits.set(POSITION, { owner: 'PERSON', reasonCode: 'MANUAL' });
    await strategy.onTick(NOW + 1_000);
    expect(strategy.phase).toBe('IDLE');
    expect(journal.records.at(-1)?.decision).toBe('EXIT_HANDED_OVER');
    expect(exitsOf(book)).toHaveLength(2);
  });
});
