import { epochMsOfIst, istDateTimeOf, type Clock, type IsoDate, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { AcceleratedClock, HistoricalReplay, MarketSimulator, SCREEN_INDEX_HISTORY_TRADING_DAYS, SCREEN_STOCK_HISTORY_TRADING_DAYS, SessionClock } from '@mcube/market-sim';
import type { MarketDataConfig } from '../../../config/app-config';
import { planSimStart, type SimStartPlan } from './sim-start';

/** The market-data port with the clock it runs on. */
export interface MarketSource {
  readonly kind: 'sim' | 'replay';
  readonly port: MarketDataPort;
  /** The market's notion of now (equal to the process clock in real-time simulator mode). */
  readonly clock: Clock;
  /** The IST date the market starts on. */
  readonly startDate: IsoDate;
  /** The simulator's start plan (how it started, whether a stored clock was resumed); absent for the replay. */
  readonly plan?: SimStartPlan;
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
 * The replay's clock, starting at the open of `startDate`: at speed 1 the process clock shifted
 * to that open; above 1 a clock that spends only trading sessions, `speed` times faster.
 */
function marketClock(opts: { base: Clock; calendar: NseCalendar; startDate: IsoDate; speed: number }): Clock {
  const open = epochMsOfIst(opts.startDate, opts.calendar.sessionFor(opts.startDate)?.open ?? '09:15');
  if (opts.speed > 1) return new SessionClock(opts.base, opts.calendar, open, opts.speed);
  return new AcceleratedClock(opts.base, open, 1);
}

/** The simulator's market clock for a plan: the process clock, or one starting at the planned instant. */
function simClock(base: Clock, calendar: NseCalendar, plan: SimStartPlan, speed: number): Clock {
  if (plan.clockStartMs === null) return base;
  return speed > 1 ? new SessionClock(base, calendar, plan.clockStartMs, speed) : new AcceleratedClock(base, plan.clockStartMs, 1);
}

/**
 * Builds the configured market: the seeded simulator (default), starting as `planSimStart`
 * says (MCUBE_SIM_START or the trading day before today, or the stored market clock
 * `storedClockMs` when it is later), or the historical replay of a data folder from
 * `replayStart` (default: the last day of its NIFTY 15-minute bars). The simulator gets the
 * stock history the ICICI screen's indicators need (`SCREEN_STOCK_HISTORY_TRADING_DAYS`), and
 * the same of NIFTY 50 and the sector indices for its index futures
 * (`SCREEN_INDEX_HISTORY_TRADING_DAYS`): without them the first ~20 simulated sessions could
 * screen no stock or index; they add daily bars before the warm-up only and change no price
 * (the strangle reads the last 20 NIFTY closes, all simulated). Past the calendar's
 * horizon the simulator runs on the calendar's assumed days. Throws what the sources throw
 * (a missing data folder, a bad date) so a bad setup stops boot.
 */
export function createMarketSource(config: MarketDataConfig, base: Clock, calendar: NseCalendar, storedClockMs: number | null = null): MarketSource {
  const today = istDateTimeOf(base.nowMs()).date;
  if (config.source === 'sim') {
    const plan = planSimStart({ nowMs: base.nowMs(), calendar, speed: config.speed, configuredStart: config.simStart, storedMs: storedClockMs });
    const clock = simClock(base, calendar, plan, config.speed);
    return { kind: 'sim', port: new MarketSimulator({ seed: config.simSeed, startDate: plan.startDate, calendar, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS, indexHistoryTradingDays: SCREEN_INDEX_HISTORY_TRADING_DAYS }, clock), clock, startDate: plan.startDate, plan };
  }
  const deferred = new DeferredClock(base);
  const replay = new HistoricalReplay({ dataFolder: config.replayDataDir, calendar }, deferred);
  const bars = replay.data.series('NIFTY 50', '15m')?.bars ?? replay.data.series('NIFTY 50', '1d')?.bars ?? [];
  const lastDay = bars.length > 0 ? bars[bars.length - 1].date : today;
  const requested = config.replayStart ?? lastDay;
  const startDate = calendar.isTradingDay(requested) ? requested : calendar.nextTradingDay(requested);
  deferred.target = marketClock({ base, calendar, startDate, speed: config.speed });
  return { kind: 'replay', port: replay, clock: deferred, startDate };
}
