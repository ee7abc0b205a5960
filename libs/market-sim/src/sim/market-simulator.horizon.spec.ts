import { createDefaultNseCalendar, delegatingNseCalendar, epochMsOfIst, FixedClock, istDateTimeOf, type NseCalendar } from '@mcube/domain';
import { SessionClock } from '../clock/session-clock';
import { listedOptionExpiries } from '../instruments/instrument-master';
import { MarketSimulator } from './market-simulator';

// Failed on main: the simulator could not start or tick past 2026-12-31 (the calendar threw UNKNOWN_DATE).
describe('the simulator past the calendar horizon', () => {
  it('runs its days on the assumed weekday sessions of 2027 and 2028, listing the dated rules\' expiries', async () => {
    for (const [start, at, expiry] of [
      ['2027-03-01', '2027-03-02', '2027-03-09'],
      ['2028-06-05', '2028-06-06', '2028-06-13'],
    ]) {
      const clock = new FixedClock(epochMsOfIst(at, '11:00'));
      const sim = new MarketSimulator({ seed: 5, startDate: start, tickIntervalMs: 15 * 60_000 }, clock);
      const q = await sim.quote('NIFTY 50');
      expect(istDateTimeOf(q.asOfMs).date).toBe(at);
      expect(listedOptionExpiries({ calendar: createDefaultNseCalendar(), date: at })).toContain(expiry);
      expect((await sim.optionChain({ underlying: 'NIFTY', expiry })).strikes.length).toBe(101);
    }
  });

  it('runs a session-only clock across the new year', () => {
    const base = new FixedClock(0);
    const clock = SessionClock.tradingDayIn(60, base, createDefaultNseCalendar(), epochMsOfIst('2026-12-31', '09:15'));
    base.advance(70_000); // a 385-minute session at 375 minutes a minute
    expect(istDateTimeOf(clock.nowMs()).date).toBe('2027-01-01');
  });

  it('keeps quoting a listed contract at its own expiry after the calendar moves the rules\' date', async () => {
    let current: NseCalendar = createDefaultNseCalendar();
    const calendar = delegatingNseCalendar(() => current);
    const clock = new FixedClock(epochMsOfIst('2027-01-19', '10:00'));
    const sim = new MarketSimulator({ seed: 5, startDate: '2027-01-18', tickIntervalMs: 15 * 60_000, calendar }, clock);
    expect((await sim.optionChain({ underlying: 'NIFTY', expiry: '2027-01-26' })).expiry).toBe('2027-01-26');
    // 2027's holidays are entered: Republic Day (Tuesday 26 January) moves the rules' expiry to Monday.
    current = createDefaultNseCalendar({ confirmedYears: [2027], overrides: [{ date: '2027-01-26', kind: 'HOLIDAY', name: 'Republic Day' }] });
    clock.set(epochMsOfIst('2027-01-20', '10:00'));
    expect(listedOptionExpiries({ calendar: current, date: '2027-01-20' })).not.toContain('2027-01-26');
    const chain = await sim.optionChain({ underlying: 'NIFTY', expiry: '2027-01-26' });
    expect(chain.strikes.length).toBe(101);
    await expect(sim.optionChain({ underlying: 'NIFTY', expiry: '2027-01-27' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });
});
