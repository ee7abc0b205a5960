import { createDefaultNseCalendar, epochMsOfIst } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { KotakStrangleStrategy } from '../kotak-strangle.strategy';
import { strategyHarness } from '../testing/strategy-harness';

// Past the NSE calendar's horizon (2026-12-31 in the shipped table) no new strangle is entered
// (SKIP CALENDAR_UNCONFIRMED, never a throw), while an open one is still monitored and exited.
// Failed on main: every evaluation or tick past 2026 threw UNKNOWN_DATE (and the simulator could not start).
function harness(startDate: string, opts: { confirmed2027?: boolean; seed?: number } = {}) {
  const calendar = createDefaultNseCalendar({ confirmedYears: opts.confirmed2027 ? [2027] : [] });
  let market: MarketSimulator | undefined;
  const h = strategyHarness({
    startMs: epochMsOfIst(startDate, '09:15'),
    calendar,
    makeMarket: (clock, cal) => (market = new MarketSimulator({ seed: opts.seed ?? 7, startDate, tickIntervalMs: 5 * 60_000, calendar: cal }, clock)),
  });
  return { ...h, market: market as MarketSimulator };
}

describe('evaluateEntry past the calendar horizon', () => {
  it('skips a day past the horizon with CALENDAR_UNCONFIRMED before reading the market, and journals it', async () => {
    const h = harness('2027-03-01');
    const ev = await h.strategy.evaluateEntry(epochMsOfIst('2027-03-03', '10:00'));
    expect([ev.decision, ev.reasonCode, ev.market]).toEqual(['SKIP', 'CALENDAR_UNCONFIRMED', null]);
    expect(ev.reason).toContain('2026-12-31');
    await h.tickAt('2027-03-03', '10:00');
    expect(h.journal.records.map((r) => [r.decision, r.reasonCode])).toEqual([['SKIPPED', 'CALENDAR_UNCONFIRMED']]);
    expect(h.book.commands).toEqual([]);
  });

  it('skips a confirmed day whose nearest tradable expiry is only assumed (past the horizon)', async () => {
    const h = harness('2026-12-21', { seed: 2 });
    h.clock.set(epochMsOfIst('2026-12-30', '10:00'));
    const ev = await h.strategy.evaluateEntry(epochMsOfIst('2026-12-30', '10:00'));
    expect(ev.filters?.filters.every((f) => f.passed)).toBe(true);
    expect([ev.decision, ev.reasonCode, ev.expiry?.expiry]).toEqual(['SKIP', 'CALENDAR_UNCONFIRMED', '2027-01-05']);
  });

  it('enters once the year is confirmed, and an unconfirmed calendar still monitors and exits that position', async () => {
    const h = harness('2027-03-01', { confirmed2027: true, seed: 1 });
    await h.tickAt('2027-03-03', '10:00');
    expect(h.book.openPositions()).toHaveLength(1);
    const expiry = h.book.commands[0].instrument.expiry;
    // The same book, watched by a strategy whose calendar knows nothing of 2027.
    const blind = new KotakStrangleStrategy({ market: h.market, orders: h.book, positions: h.book, journal: h.journal, alerts: h.alerts, clock: h.clock, calendar: createDefaultNseCalendar() }, h.config);
    for (const time of ['10:30', '12:00', '15:00', '15:20', '15:25']) {
      h.clock.set(epochMsOfIst(expiry, time));
      await blind.onTick(h.clock.nowMs());
      if (h.book.openPositions().length === 0) break;
    }
    expect(h.journal.records.some((r) => r.decision === 'EXIT')).toBe(true);
    expect(h.book.commands.filter((i) => i.purpose === 'EXIT')).toHaveLength(2);
    expect(h.book.openPositions()).toHaveLength(0);
  });
});
