import { epochMsOfIst } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { strategyHarness } from './testing/strategy-harness';

const DAY = '2026-03-11';

function harness() {
  return strategyHarness({
    startMs: epochMsOfIst(DAY, '09:15'),
    makeMarket: (clock, calendar) => new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock),
  });
}

describe('pausing new entries', () => {
  it('sends nothing and journals nothing at 10:00 while paused, and enters on resume inside the window', async () => {
    const h = harness();
    h.strategy.setEntriesPaused(true);
    expect(await h.strategy.runDailyEntry(epochMsOfIst(DAY, '10:00'))).toBeNull();
    await h.tickAt(DAY, '10:00');
    await h.tickAt(DAY, '10:05');
    expect(h.book.commands).toHaveLength(0);
    expect(h.journal.records).toHaveLength(0);
    expect(h.strategy.entryEvaluatedOn).toBeNull();

    h.strategy.setEntriesPaused(false);
    await h.tickAt(DAY, '10:10');
    expect(h.journal.records.map((r) => r.decision)).toContain('ENTER');
    expect(h.book.commands.length).toBeGreaterThan(0);
  });

  it('keeps monitoring and exiting an open position while paused', async () => {
    const h = harness();
    await h.tickAt(DAY, '10:00');
    const entered = h.book.commands.length;
    expect(entered).toBeGreaterThan(0);
    for (const t of ['10:00:05', '10:00:10', '10:00:15']) await h.tickAt(DAY, t);
    h.strategy.setEntriesPaused(true);
    await h.tickAt(DAY, '10:01');
    await h.tickAt(DAY, '15:15');
    await h.tickAt(DAY, '15:15:05');
    const decisions = h.journal.records.map((r) => r.decision);
    expect(decisions).toContain('HOLD');
    // The 15:15 rule ran (an exit or an EOD hold was decided) although entries are paused.
    expect(h.journal.records.some((r) => r.occurredAt >= epochMsOfIst(DAY, '15:15') && ['EXIT', 'HOLD'].includes(r.kind))).toBe(true);
  });
});
