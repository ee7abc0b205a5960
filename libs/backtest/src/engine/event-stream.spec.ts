import { epochMsOfIst, istDateTimeOf } from '@mcube/domain';
import { sharedHistory } from '../testing/shared-history';
import { buildEventStream, EventKind } from './event-stream';

const names = ['DAY_OPEN', 'NIFTY_OPEN', 'NIFTY', 'VIX', 'TICK', 'DAY_CLOSE'];

describe('buildEventStream (the data\'s dated sessions as ordered events)', () => {
  it('orders a day: open, opening levels, each bar at its end before the tick of that instant, close', () => {
    const { history, calendar } = sharedHistory();
    const s = buildEventStream({ history, calendar, from: '2024-07-01', to: '2024-07-01', tickMinutes: 15 });
    const at = (t: string) => Array.from({ length: s.length }, (_, i) => i).filter((i) => s.times[i] === epochMsOfIst('2024-07-01', t)).map((i) => names[s.kinds[i]]);
    expect(at('09:15')).toEqual(['DAY_OPEN', 'NIFTY_OPEN', 'VIX', 'TICK']);
    expect(at('10:00')).toEqual(['NIFTY', 'VIX', 'TICK']);
    expect(at('15:30')).toEqual(['NIFTY', 'VIX', 'DAY_CLOSE']);
    const ticks = Array.from(s.kinds).filter((k) => k === EventKind.TICK).length;
    expect(ticks).toBe(25); // 09:15 … 15:15
    for (let i = 1; i < s.length; i++) expect(s.times[i]).toBeGreaterThanOrEqual(s.times[i - 1]);
  });

  it('gives a day without 15-minute bars its daily open and close, and says so', () => {
    const { history, calendar } = sharedHistory();
    // 2026-02-09 … 2026-03-12 has no 15-minute bars in the shared data.
    const s = buildEventStream({ history, calendar, from: '2026-02-10', to: '2026-02-10', tickMinutes: 15 });
    expect(s.days[0]).toMatchObject({ date: '2026-02-10', niftyFromDaily: true });
    const open = Array.from(s.kinds).indexOf(EventKind.NIFTY_OPEN);
    expect(s.values[open]).toBe(history.niftyDaily.open[history.niftyDaily.indexOf('2026-02-10')]);
  });

  it('ticks only at the given times with tickTimes, and stops at endMs', () => {
    const { history, calendar } = sharedHistory();
    const s = buildEventStream({ history, calendar, from: '2024-07-01', to: '2024-07-03', tickMinutes: 15, tickTimes: ['10:00', '15:15'], endMs: epochMsOfIst('2024-07-02', '12:00') });
    const ticks = Array.from({ length: s.length }, (_, i) => i).filter((i) => s.kinds[i] === EventKind.TICK).map((i) => istDateTimeOf(s.times[i]));
    expect(ticks.map((t) => `${t.date} ${t.time.slice(0, 5)}`)).toEqual(['2024-07-01 10:00', '2024-07-01 15:15', '2024-07-02 10:00']);
    expect(s.times[s.length - 1]).toBeLessThanOrEqual(epochMsOfIst('2024-07-02', '12:00'));
  });

  it('skips holidays and weekends: only the calendar\'s trading days with data', () => {
    const { history, calendar } = sharedHistory();
    const s = buildEventStream({ history, calendar, from: '2024-08-14', to: '2024-08-19', tickMinutes: 15 });
    // 15 Aug is Independence Day; 17–18 Aug a weekend.
    expect(s.days.map((d) => d.date)).toEqual(['2024-08-14', '2024-08-16', '2024-08-19']);
  });
});
