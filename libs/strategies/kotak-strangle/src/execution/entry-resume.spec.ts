import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type StrategyOrderCommand } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { resolveKotakStrangleConfig } from '../config/validate-config';
import { KotakStrangleStrategy } from '../kotak-strangle.strategy';
import type { KotakStrangleSnapshot } from '../kotak-strangle.snapshot';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import { InMemoryDecisionJournal, RecordingAlertSink } from '../testing/in-memory-journal.fake';
import { FakePaperBook, type FakeOrderOutcome } from '../testing/paper-book.fake';

const DAY = '2026-03-11';
const LOOSE = { maxGiftNiftyChangePct: 100, maxUsChangePct: 100, maxNifty1dChangePct: 100, maxNifty3dChangePct: 100, eventLookaheadDays: 0, maxVix: 100 };

/** A strategy with a state store, on a book and journal that outlive it (the database across a restart). */
function world(outcome: (intent: StrategyOrderCommand, index: number) => FakeOrderOutcome) {
  const clock = new FixedClock(epochMsOfIst(DAY, '09:15'));
  const calendar = createDefaultNseCalendar();
  const book = new FakePaperBook(outcome, undefined, () => clock.nowMs());
  const journal = new InMemoryDecisionJournal();
  const saved: KotakStrangleSnapshot[] = [];
  const market = new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock);
  const deps: KotakStrangleDeps = { market, orders: book, positions: book, journal, alerts: new RecordingAlertSink(), clock, calendar, state: { save: async (s) => void saved.push(JSON.parse(JSON.stringify(s)) as KotakStrangleSnapshot) } };
  const config = resolveKotakStrangleConfig({ filters: LOOSE, legFillTimeoutMs: 60_000 });
  const boot = () => new KotakStrangleStrategy(deps, config);
  const at = (time: string) => {
    clock.set(epochMsOfIst(DAY, time));
    return clock.nowMs();
  };
  return { book, journal, saved, boot, at, deps, config };
}

/** The first process: enters at 10:00 with the put left working, then "dies" (the put never made it: withdrawn). */
async function crashAfterTheCallFilled(w: ReturnType<typeof world>): Promise<KotakStrangleSnapshot> {
  await w.boot().onTick(w.at('10:00'));
  const last = w.saved.at(-1) as KotakStrangleSnapshot;
  expect(last.entry?.orders.map((o) => o?.status)).toEqual(['FILLED', 'ACCEPTED']);
  // What the restart finds: the put was never sent (reconciliation withdrew it), the call is filled.
  await w.book.cancel('co-2');
  return last;
}

describe('a strangle entry resumed after a restart', () => {
  it('saves the working entry before any leg is sent', async () => {
    const w = world(() => 'FILL');
    await w.boot().onTick(w.at('10:00'));
    const [first] = w.saved.filter((s) => s.entry);
    expect(first.entry).toMatchObject({ started: false, orders: [] });
    expect(first.lastEntryDate).toBe(DAY);
    // A close is never part of the saved state: the exit stored on the position is (see requestExit).
    expect(w.saved.at(-1)).toEqual({ version: 1, entry: null, lastEntryDate: DAY });
  });

  it('sends the missing put again while the entry window is open, and never a second entry', async () => {
    const w = world((intent, i) => (i === 1 ? 'WORK' : 'FILL'));
    const snapshot = await crashAfterTheCallFilled(w);
    const restarted = w.boot();
    restarted.restore(snapshot);
    await restarted.onTick(w.at('10:02'));
    await restarted.onTick(w.at('10:03'));
    // The day's entry evaluation was done before the restart: the 10:00 job delivered again does nothing.
    expect(await restarted.runDailyEntry(w.at('10:04'))).toBeNull();

    const entries = w.book.commands.filter((i) => i.purpose === 'ENTRY');
    expect(entries.map((i) => i.instrument.optionType)).toEqual(['CE', 'PE', 'PE']);
    expect(new Set(entries.map((i) => i.strategyPositionId)).size).toBe(1);
    expect(w.book.openPositions()).toHaveLength(1);
    expect(w.book.openPositions()[0].legs.map((l) => [l.optionType, l.quantity])).toEqual([
      ['CE', -entries[0].quantity],
      ['PE', -entries[0].quantity],
    ]);
    expect(w.journal.records.map((r) => r.decision)).toEqual(['ENTER', 'ENTRY_RESUMED', 'ENTRY_LEG_RESENT', 'ENTRY_FILLED']);
    expect(restarted.phase).toBe('IDLE');
  });

  it('unwinds the filled call when the restart comes after the entry window', async () => {
    const w = world((intent, i) => (i === 1 ? 'WORK' : 'FILL'));
    const snapshot = await crashAfterTheCallFilled(w);
    const restarted = w.boot();
    restarted.restore(snapshot);
    await restarted.onTick(w.at('11:45'));

    expect(w.book.commands.slice(2).map((i) => [i.side, i.instrument.optionType, i.purpose])).toEqual([['BUY', 'CE', 'EXIT']]);
    expect(w.book.openPositions()).toEqual([]);
    expect(w.journal.records.map((r) => [r.decision, r.reasonCode])).toEqual([
      ['ENTER', 'ALL_CHECKS_PASSED'],
      ['ENTRY_RESUMED', 'RESTARTED'],
      ['ENTRY_ABORTED', 'LEG_ENDED_UNFILLED'],
      ['UNWIND_ORDER_SUBMITTED', 'LEG_ENDED_UNFILLED'],
      ['UNWIND_COMPLETE', 'LEG_ENDED_UNFILLED'],
    ]);
  });

  it('sends nothing for an entry that never reached the gateway when the restart is past its window', async () => {
    const w = world(() => 'FILL');
    await w.boot().onTick(w.at('10:00'));
    const beforeSend = w.saved.find((s) => s.entry && !s.entry.started) as KotakStrangleSnapshot;
    const fresh = world(() => 'FILL');
    const restarted = fresh.boot();
    restarted.restore(beforeSend);
    await restarted.onTick(fresh.at('12:00'));
    expect(fresh.book.commands).toEqual([]);
    expect(fresh.journal.records.map((r) => [r.decision, r.reasonCode])).toEqual([
      ['ENTRY_RESUMED', 'RESTARTED'],
      ['ENTRY_ABORTED', 'ENTRY_NOT_SENT'],
    ]);
    expect(restarted.phase).toBe('IDLE');
  });

  it('evaluates the day again when storing "evaluated today" failed (a failed save never loses the day)', async () => {
    const w = world(() => 'FILL');
    let failures = 1;
    const flaky = { save: async (snap: KotakStrangleSnapshot) => {
      if (failures-- > 0) throw new Error('database busy');
      w.saved.push(JSON.parse(JSON.stringify(snap)) as KotakStrangleSnapshot);
    } };
    const strategy = new KotakStrangleStrategy({ ...w.deps, state: flaky }, w.config);
    await expect(strategy.runDailyEntry(w.at('10:00'))).rejects.toThrow('database busy');
    expect(strategy.entryEvaluatedOn).toBeNull();
    // The job is retried: the day is evaluated and journalled this time.
    expect((await strategy.runDailyEntry(w.at('10:00')))?.decision).toBe('ENTER');
    expect(w.journal.records.map((r) => r.decision)).toContain('ENTER');
    expect(w.saved[0]?.lastEntryDate).toBe(DAY);
  });
});
