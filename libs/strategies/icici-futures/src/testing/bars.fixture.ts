import type { IsoDate, NseCalendar, PriceBar } from '@mcube/domain';

/**
 * `sessions` daily bars ending on `last` (trading days of the calendar), closes compounding by
 * `dailyPct` percent a day (the last `finalSessions` by `finalDailyPct`, to end on momentum) with
 * a ±`wigglePct` sine wiggle (period about 6 sessions), highs and lows 0.5% around the bar,
 * volume `volume` (the last bar `lastVolume`).
 */
export function trendBars(input: {
  calendar: NseCalendar;
  last: IsoDate;
  sessions: number;
  from: number;
  dailyPct: number;
  wigglePct?: number;
  finalSessions?: number;
  finalDailyPct?: number;
  volume?: number;
  lastVolume?: number;
}): PriceBar[] {
  const dates: IsoDate[] = [];
  for (let d = input.last; dates.length < input.sessions; d = input.calendar.previousTradingDay(d)) dates.push(d);
  dates.reverse();
  const wiggle = (input.wigglePct ?? 1) / 100;
  const volume = input.volume ?? 1_000_000;
  const finalFrom = dates.length - (input.finalSessions ?? 0);
  let level = input.from;
  let prev = input.from;
  return dates.map((date, i) => {
    if (i > 0) level *= 1 + (i >= finalFrom ? (input.finalDailyPct ?? input.dailyPct) : input.dailyPct) / 100;
    const close = Math.round(level * (1 + wiggle * Math.sin(i)) * 100) / 100;
    const open = prev;
    prev = close;
    const r = (v: number) => Math.round(v * 100) / 100;
    return { date, open, high: r(Math.max(open, close) * 1.005), low: r(Math.min(open, close) * 0.995), close, volume: i === dates.length - 1 ? (input.lastVolume ?? volume) : volume };
  });
}

/**
 * 120 sessions rising 0.2% a day (0.5% over the last 10) with a 2% wiggle: EMA trend UP, MACD
 * histogram > 0, RSI about 63, resistance about 1.1% above the close (room for a 1% target).
 */
export function risingBars(calendar: NseCalendar, last: IsoDate, from = 1000, lastVolume?: number): PriceBar[] {
  return trendBars({ calendar, last, sessions: 120, from, dailyPct: 0.2, wigglePct: 2, finalSessions: 10, finalDailyPct: 0.5, lastVolume });
}

/** The mirror: trend DOWN, histogram < 0, RSI about 34, support about 1.2% below the close. */
export function fallingBars(calendar: NseCalendar, last: IsoDate, from = 1000): PriceBar[] {
  return trendBars({ calendar, last, sessions: 120, from, dailyPct: -0.2, wigglePct: 2, finalSessions: 10, finalDailyPct: -0.5 });
}
