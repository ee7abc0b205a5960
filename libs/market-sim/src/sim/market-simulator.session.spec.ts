import { createDefaultNseCalendar, epochMsOfIst, FixedClock, istDateTimeOf } from '@mcube/domain';
import { MarketSimulator } from './market-simulator';
import type { SimTick } from './market-engine';

const calendar = createDefaultNseCalendar();
const FIFTEEN_MIN = 15 * 60_000;

function ticksUntil(sim: MarketSimulator, endMs: number): SimTick[] {
  const ticks: SimTick[] = [sim.current()];
  while (ticks[ticks.length - 1].timeMs < endMs) ticks.push(sim.step());
  return ticks;
}

describe('simulator sessions and clock', () => {
  const sim = new MarketSimulator({ seed: 7, startDate: '2026-07-29', tickIntervalMs: FIFTEEN_MIN, warmupTradingDays: 0 }, new FixedClock(0));
  const ticks = ticksUntil(sim, epochMsOfIst('2026-09-16', '15:00'));

  it('never ticks on a holiday, a weekend, or outside the dated session', () => {
    for (const t of ticks) {
      expect(calendar.isTradingDay(t.date)).toBe(true);
      expect(calendar.isWithinSession(t.date, t.time)).toBe(true);
    }
    expect(ticks.some((t) => t.date === '2026-09-14')).toBe(false); // a listed 2026 holiday (Monday)
  });

  it('ticks on every trading day of the range, to 15:30 after the session moved to 15:40 on 2026-08-03', () => {
    const days = new Set(ticks.map((t) => t.date));
    for (let d = '2026-07-29'; d <= '2026-09-15'; d = calendar.nextTradingDay(d)) expect(days.has(d)).toBe(true);
    const lastTime = (date: string) => ticks.filter((t) => t.date === date).map((t) => t.time).sort().pop();
    expect(lastTime('2026-07-31')).toBe('15:15:00');
    expect(lastTime('2026-08-03')).toBe('15:30:00');
  });

  it('reports the tick instant in IST', () => {
    for (const t of ticks.slice(0, 30)) expect(istDateTimeOf(t.timeMs)).toEqual({ date: t.date, time: t.time });
  });

  it('replays the same market for the same seed and a different one for another seed', () => {
    const run = (seed: number) => {
      const s = new MarketSimulator({ seed, startDate: '2026-03-02', tickIntervalMs: FIFTEEN_MIN, warmupTradingDays: 3 }, new FixedClock(0));
      return Array.from({ length: 60 }, () => s.step().nifty);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(2)).not.toEqual(run(1));
  });

  it('catches up with the injected clock before answering', async () => {
    const clock = new FixedClock(epochMsOfIst('2026-03-02', '09:00'));
    const s = new MarketSimulator({ seed: 3, startDate: '2026-03-02', tickIntervalMs: 60_000 }, clock);
    const first = await s.quote('NIFTY 50');
    clock.set(epochMsOfIst('2026-03-02', '11:00:30'));
    const later = await s.quote('NIFTY 50');
    expect(istDateTimeOf(first.asOfMs).time).toBe('09:15:00');
    expect(istDateTimeOf(later.asOfMs)).toEqual({ date: '2026-03-02', time: '11:00:00' });
  });

  it('starts on the next trading day when the start date is a holiday', () => {
    const s = new MarketSimulator({ seed: 1, startDate: '2026-09-14', tickIntervalMs: FIFTEEN_MIN, warmupTradingDays: 0 }, new FixedClock(0));
    expect(s.current()).toMatchObject({ date: '2026-09-15', time: '09:15:00' });
  });

  it('rejects a bad configuration with a DomainError', () => {
    expect(() => new MarketSimulator({ seed: 1.5, startDate: '2026-03-02' }, new FixedClock(0))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => new MarketSimulator({ seed: 1, startDate: '2026-13-02' }, new FixedClock(0))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => new MarketSimulator({ seed: 1, startDate: '2026-03-02', tickIntervalMs: -5 }, new FixedClock(0))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
