import { createDefaultNseCalendar, epochMsOfIst, istDateTimeOf, type Clock, type IsoDate, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { AcceleratedClock, HistoricalReplay, MarketSimulator, SessionClock } from '@mcube/market-sim';
import type { MarketDataConfig } from '../../../config/app-config';

/** The market-data port with the clock it runs on. */
export interface MarketSource {
  readonly kind: 'sim' | 'replay';
  readonly port: MarketDataPort;
  /** The market's notion of now (equal to the process clock in real-time simulator mode). */
  readonly clock: Clock;
  /** The IST date the market starts on. */
  readonly startDate: IsoDate;
}

/** Lazily-resolved clock: the replay needs its data read before its start date is known. */
class DeferredClock implements Clock {
  target: Clock | null = null;
  constructor(private readonly fallback: Clock) {}
  nowMs(): number {
    return (this.target ?? this.fallback).nowMs();
  }
}

/**
 * A clock for a market starting at the open of `startDate`: at speed 1 the process clock
 * itself (simulator) or the process clock shifted to that open (replay); above 1 a clock that
 * spends only trading sessions, `speed` times faster (nights and holidays skipped).
 */
function marketClock(opts: { base: Clock; calendar: NseCalendar; startDate: IsoDate; speed: number; shift: boolean }): Clock {
  const open = epochMsOfIst(opts.startDate, opts.calendar.sessionFor(opts.startDate)?.open ?? '09:15');
  if (opts.speed > 1) return new SessionClock(opts.base, opts.calendar, open, opts.speed);
  return opts.shift ? new AcceleratedClock(opts.base, open, 1) : opts.base;
}

/**
 * Builds the configured market: the seeded simulator (default), starting at the open of the
 * trading day before today so that there is a day of history, or the historical replay of a
 * data folder from `replayStart` (default: the last day of its NIFTY 15-minute bars).
 * Throws what the sources throw (a missing data folder, a bad date) so a bad setup stops boot.
 */
export function createMarketSource(config: MarketDataConfig, base: Clock, calendar: NseCalendar = createDefaultNseCalendar()): MarketSource {
  const today = istDateTimeOf(base.nowMs()).date;
  if (config.source === 'sim') {
    const startDate = calendar.previousTradingDay(today);
    const clock = marketClock({ base, calendar, startDate, speed: config.speed, shift: false });
    return { kind: 'sim', port: new MarketSimulator({ seed: config.simSeed, startDate, calendar }, clock), clock, startDate };
  }
  const deferred = new DeferredClock(base);
  const replay = new HistoricalReplay({ dataFolder: config.replayDataDir, calendar }, deferred);
  const bars = replay.data.series('NIFTY 50', '15m')?.bars ?? replay.data.series('NIFTY 50', '1d')?.bars ?? [];
  const lastDay = bars.length > 0 ? bars[bars.length - 1].date : today;
  const requested = config.replayStart ?? lastDay;
  const startDate = calendar.isTradingDay(requested) ? requested : calendar.nextTradingDay(requested);
  deferred.target = marketClock({ base, calendar, startDate, speed: config.speed, shift: true });
  return { kind: 'replay', port: replay, clock: deferred, startDate };
}
