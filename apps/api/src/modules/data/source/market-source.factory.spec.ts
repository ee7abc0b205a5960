import { createDefaultNseCalendar, epochMsOfIst, FixedClock, istDateTimeOf } from '@mcube/domain';
import { HistoricalReplay, MarketSimulator, SessionClock } from '@mcube/market-sim';
import { sharedDataDir } from '@mcube/testing';
import type { MarketDataConfig } from '../../../config/app-config';
import { ConfigError, loadConfig } from '../../../config/load-config';
import { createMarketSource } from './market-source.factory';

const calendar = createDefaultNseCalendar();
const base = (): MarketDataConfig => ({ source: 'sim', simSeed: 7, speed: 1, jobs: false });

describe('market source selection', () => {
  it('defaults to the simulator at real time, from the trading day before today', async () => {
    expect(loadConfig({}).marketData).toEqual({ source: 'sim', simSeed: 1, speed: 1, replayDataDir: undefined, replayStart: undefined, jobs: true });
    const clock = new FixedClock(epochMsOfIst('2026-03-30', '11:00')); // Monday
    const s = createMarketSource(base(), clock, calendar);
    expect(s.kind).toBe('sim');
    expect(s.port).toBeInstanceOf(MarketSimulator);
    expect(s.clock).toBe(clock);
    expect(s.startDate).toBe('2026-03-27');
    const q = await s.port.quote('NIFTY 50');
    expect(q.asOfMs).toBeLessThanOrEqual(clock.nowMs());
    expect(istDateTimeOf(q.asOfMs).date).toBe('2026-03-30');
  });

  it('reproduces the same market from the same seed, and another from another seed', async () => {
    const at = epochMsOfIst('2026-03-30', '11:00');
    const price = async (seed: number) => (await createMarketSource({ ...base(), simSeed: seed }, new FixedClock(at), calendar).port.quote('NIFTY 50')).lastPrice;
    const first = await price(7);
    expect(await price(7)).toBe(first);
    expect(await price(8)).not.toBe(first);
  });

  it('runs an accelerated market clock through sessions only when a speed above 1 is configured', () => {
    const clock = new FixedClock(epochMsOfIst('2026-03-30', '20:00'));
    const s = createMarketSource({ ...base(), speed: 375 }, clock, calendar);
    expect(s.clock).toBeInstanceOf(SessionClock);
    clock.advance(30_000); // half a trading day in 30 s
    const { date, time } = istDateTimeOf(s.clock.nowMs());
    expect(date).toBe('2026-03-27');
    expect(time).toBe('12:22:30');
  });

  it('selects the historical replay by configuration, starting at the configured IST date', async () => {
    const clock = new FixedClock(epochMsOfIst('2026-11-23', '03:00'));
    const s = createMarketSource({ ...base(), source: 'replay', replayDataDir: sharedDataDir, replayStart: '2025-11-14' }, clock, calendar);
    expect(s.kind).toBe('replay');
    expect(s.port).toBeInstanceOf(HistoricalReplay);
    expect(s.startDate).toBe('2025-11-14');
    expect(istDateTimeOf(s.clock.nowMs())).toEqual({ date: '2025-11-14', time: '09:15:00' });
    clock.advance(3_600_000);
    expect(istDateTimeOf(s.clock.nowMs()).time).toBe('10:15:00');
    const q = await s.port.quote('NIFTY 50');
    expect(istDateTimeOf(q.asOfMs).date).toBe('2025-11-14');
  });

  it('moves a replay start on a holiday to the next trading day', () => {
    const s = createMarketSource({ ...base(), source: 'replay', replayDataDir: sharedDataDir, replayStart: '2025-11-15' }, new FixedClock(0), calendar);
    expect(s.startDate).toBe('2025-11-17');
  });

  it('refuses an unknown source, a bad speed and a bad replay date at boot, naming the variable', () => {
    expect(() => loadConfig({ MCUBE_MARKET_SOURCE: 'live' })).toThrow(/MCUBE_MARKET_SOURCE/);
    expect(() => loadConfig({ MCUBE_SIM_SPEED: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ MCUBE_REPLAY_START: '2025/11/14' })).toThrow(/MCUBE_REPLAY_START/);
    expect(loadConfig({ MCUBE_MARKET_SOURCE: 'replay', MCUBE_SIM_SPEED: '375', MCUBE_REPLAY_START: '2025-11-14', MCUBE_MARKET_JOBS: 'false' }).marketData).toMatchObject({
      source: 'replay',
      speed: 375,
      replayStart: '2025-11-14',
      jobs: false,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).marketData.jobs).toBe(false);
  });

  // Failed on main: no MCUBE_SIM_START, and a 2027 market could not be built (UNKNOWN_DATE).
  it('starts the simulator at MCUBE_SIM_START in any year, at speed 1 on a shifted clock', async () => {
    expect(loadConfig({ MCUBE_SIM_START: '2027-03-01' }).marketData.simStart).toBe('2027-03-01');
    expect(() => loadConfig({ MCUBE_SIM_START: '2027-02-30' })).toThrow(/MCUBE_SIM_START/);
    expect(() => loadConfig({ MCUBE_SIM_START: '01-03-2027' })).toThrow(/MCUBE_SIM_START/);
    const clock = new FixedClock(epochMsOfIst('2026-12-02', '20:00'));
    const s = createMarketSource({ ...base(), simStart: '2028-06-03' }, clock, calendar);
    expect(s.startDate).toBe('2028-06-05');
    expect(istDateTimeOf(s.clock.nowMs())).toEqual({ date: '2028-06-05', time: '09:15:00' });
    clock.advance(45 * 60_000);
    const q = await s.port.quote('NIFTY 50');
    expect(istDateTimeOf(q.asOfMs)).toEqual({ date: '2028-06-05', time: '10:00:00' });
  });

  it('resumes a stored market clock instead of rewinding to the start', () => {
    const clock = new FixedClock(epochMsOfIst('2026-12-02', '20:00'));
    const stored = epochMsOfIst('2026-12-03', '11:30');
    const s = createMarketSource({ ...base(), speed: 60 }, clock, calendar, stored);
    expect(s.clock.nowMs()).toBe(stored);
    expect(s.plan).toMatchObject({ resumed: true, startDate: '2026-12-03' });
  });
});
