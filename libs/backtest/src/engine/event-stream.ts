import { epochMsOfIst, type IsoDate, type NseCalendar } from '@mcube/domain';
import type { MarketHistory } from '../data/market-history';
import type { IntradaySeries } from '../data/price-series';

/** Event kinds, in the order they are processed at one instant. */
export const EventKind = { DAY_OPEN: 0, NIFTY_OPEN: 1, NIFTY: 2, VIX: 3, TICK: 4, DAY_CLOSE: 5 } as const;
const PRIORITY = [0, 1, 2, 2, 3, 4];

/** One simulated trading day. */
export interface StreamDay {
  readonly date: IsoDate;
  /** Index of the day in the NIFTY daily series. */
  readonly dailyIndex: number;
  readonly openMs: number;
  readonly closeMs: number;
  /** True when the day had no NIFTY 15-minute bars (prices: daily open, then close). */
  readonly niftyFromDaily: boolean;
  readonly vixFromDaily: boolean;
}

/** Every event of a backtest, time-ordered, as parallel typed arrays (the hot loop reads nothing else). */
export interface EventStream {
  readonly length: number;
  readonly times: Float64Array;
  readonly kinds: Uint8Array;
  readonly values: Float64Array;
  /** Index into `days` of each event. */
  readonly dayOf: Int32Array;
  readonly days: readonly StreamDay[];
  /** Calendar trading days in range with no NIFTY daily row (skipped). */
  readonly missingDays: readonly IsoDate[];
}

/** Inputs of {@link buildEventStream}. */
export interface EventStreamInput {
  readonly history: MarketHistory;
  readonly calendar: NseCalendar;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Minutes between strategy ticks from the session open (15: 09:15, 09:30 … the last before the close). */
  readonly tickMinutes: number;
  /** Instead of `tickMinutes`: tick only at these IST times ('HH:MM') that fall in the session. */
  readonly tickTimes?: readonly string[];
  /** Drop every event after this instant (the look-ahead check's earlier end). */
  readonly endMs?: number;
}

type Raw = [time: number, kind: number, value: number];

function barEvents(series: IntradaySeries | null, date: IsoDate, openKind: number, closeKind: number, session: { openMs: number; closeMs: number }, out: Raw[]): boolean {
  if (!series) return false;
  const [first, end] = series.dayRange(date);
  let any = false;
  for (let i = first; i < end; i++) {
    const start = series.startMs[i];
    const ended = start + series.intervalMs;
    if (start < session.openMs || ended > session.closeMs) continue; // muhurat or stray bars outside the F&O session
    if (!any) out.push([start, openKind, series.open[i]]);
    out.push([ended, closeKind, series.close[i]]);
    any = true;
  }
  return any;
}

/**
 * The events of every trading day in [from, to] that the data has (the calendar's trading days
 * with a NIFTY daily row), each day: DAY_OPEN at the session open; NIFTY's opening level at
 * the first 15-minute bar's start and each bar's close at its end (a bar is known once it has
 * ended); India VIX the same; a strategy TICK every `tickMinutes` inside the session; DAY_CLOSE
 * at the session close (official daily closes). A day without 15-minute bars gets its daily
 * open at the open and close at the close. Ordered by time, then by kind.
 */
export function buildEventStream(input: EventStreamInput): EventStream {
  const { history, calendar, tickMinutes } = input;
  const raw: Raw[] = [];
  const dayOf: number[] = [];
  const days: StreamDay[] = [];
  const missingDays: IsoDate[] = [];
  const endMs = input.endMs ?? Number.POSITIVE_INFINITY;
  for (let date = input.from; date <= input.to; date = calendar.nextTradingDay(date)) {
    if (!calendar.isTradingDay(date)) continue;
    const dailyIndex = history.niftyDaily.indexOf(date);
    const session = calendar.sessionFor(date);
    if (dailyIndex < 0 || !session) {
      missingDays.push(date);
      continue;
    }
    const openMs = epochMsOfIst(date, session.open);
    const closeMs = epochMsOfIst(date, session.close);
    if (openMs > endMs) break;
    const ev: Raw[] = [[openMs, EventKind.DAY_OPEN, 0]];
    const niftyBars = barEvents(history.nifty15m, date, EventKind.NIFTY_OPEN, EventKind.NIFTY, { openMs, closeMs }, ev);
    if (!niftyBars) ev.push([openMs, EventKind.NIFTY_OPEN, history.niftyDaily.open[dailyIndex]]);
    const vixIndex = history.vixDaily.indexOf(date);
    const vixBars = barEvents(history.vix15m, date, EventKind.VIX, EventKind.VIX, { openMs, closeMs }, ev);
    if (!vixBars && vixIndex >= 0) ev.push([openMs, EventKind.VIX, history.vixDaily.open[vixIndex]]);
    const tickAt = input.tickTimes ? input.tickTimes.map((time) => epochMsOfIst(date, time)) : Array.from({ length: Math.ceil((closeMs - openMs) / (tickMinutes * 60_000)) }, (_, k) => openMs + k * tickMinutes * 60_000);
    // A split session (the 2024 DR drills) ticks only inside its trading windows.
    const windows = session.segments?.map((w) => [epochMsOfIst(date, w.open), epochMsOfIst(date, w.close)]) ?? [[openMs, closeMs]];
    for (const t of tickAt) if (windows.some(([a, b]) => t >= a && t < b)) ev.push([t, EventKind.TICK, 0]);
    ev.push([closeMs, EventKind.DAY_CLOSE, 0]);
    ev.sort((a, b) => a[0] - b[0] || PRIORITY[a[1]] - PRIORITY[b[1]]);
    const dayIndex = days.length;
    days.push({ date, dailyIndex, openMs, closeMs, niftyFromDaily: !niftyBars, vixFromDaily: !vixBars });
    for (const e of ev) {
      if (e[0] > endMs) break;
      raw.push(e);
      dayOf.push(dayIndex);
    }
  }
  return {
    length: raw.length,
    times: Float64Array.from(raw, (e) => e[0]),
    kinds: Uint8Array.from(raw, (e) => e[1]),
    values: Float64Array.from(raw, (e) => e[2]),
    dayOf: Int32Array.from(dayOf),
    days,
    missingDays,
  };
}
