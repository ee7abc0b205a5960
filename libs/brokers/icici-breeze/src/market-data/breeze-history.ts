import { addDays, dayNumber, secondsOfDay, type BarInterval, type IsoDate, type PriceBar } from '@mcube/domain';
import type { BreezeBar } from '../parse/breeze-raw.types';
import type { BreezeInterval } from './breeze-market.api';

/** Which Breeze interval serves each of our bar lengths, and how many of its bars make one of ours. */
export const BREEZE_INTERVAL_OF: Readonly<Record<BarInterval, { readonly source: BreezeInterval; readonly group: number }>> = Object.freeze({
  '1m': { source: '1minute', group: 1 },
  '5m': { source: '5minute', group: 1 },
  '15m': { source: '5minute', group: 3 },
  '1h': { source: '30minute', group: 2 },
  '1d': { source: '1day', group: 1 },
});

const BARS_PER_SESSION: Readonly<Record<BreezeInterval, number>> = { '1minute': 375, '5minute': 75, '30minute': 13, '1day': 1 };
const MAX_CANDLES_PER_CALL = 1000;
const SESSION_OPEN_S = secondsOfDay('09:15');

/** [from, to] split into date ranges that each stay under Breeze's 1000 candles per call. */
export function historyChunks(from: IsoDate, to: IsoDate, interval: BreezeInterval): readonly (readonly [IsoDate, IsoDate])[] {
  const span = Math.max(1, Math.floor(MAX_CANDLES_PER_CALL / BARS_PER_SESSION[interval]));
  const out: [IsoDate, IsoDate][] = [];
  for (let start = from; dayNumber(start) <= dayNumber(to); start = addDays(start, span)) {
    const end = addDays(start, span - 1);
    out.push([start, dayNumber(end) > dayNumber(to) ? to : end]);
  }
  return out;
}

/**
 * Our bars from Breeze candles: sorted, de-duplicated, restricted to [from, to], and for 15m/1h
 * merged `group` at a time anchored at the 09:15 open (open of the first, close of the last,
 * extreme high/low, summed volume, open interest of the last). Daily bars carry no time.
 */
export function toPriceBars(candles: readonly BreezeBar[], interval: BarInterval, from: IsoDate, to: IsoDate): readonly PriceBar[] {
  const unique = new Map<string, BreezeBar>();
  for (const c of candles) if (c.date >= from && c.date <= to) unique.set(`${c.date} ${c.time}`, c);
  const sorted = [...unique.values()].sort((a, b) => (a.date === b.date ? secondsOfDay(a.time) - secondsOfDay(b.time) : a.date < b.date ? -1 : 1));
  const { group } = BREEZE_INTERVAL_OF[interval];
  if (interval === '1d') return sorted.map((c) => bar(c, undefined));
  if (group === 1) return sorted.map((c) => bar(c, c.time.slice(0, 5)));
  const periodS = group * (interval === '15m' ? 300 : 1800);
  const out: PriceBar[] = [];
  let current: { key: string; bar: PriceBar } | undefined;
  for (const c of sorted) {
    const slot = Math.floor((secondsOfDay(c.time) - SESSION_OPEN_S) / periodS);
    const key = `${c.date}#${slot}`;
    if (current && current.key === key) {
      const b = current.bar;
      current.bar = { ...b, high: Math.max(b.high, c.high), low: Math.min(b.low, c.low), close: c.close, volume: b.volume + c.volume, openInterest: c.openInterest ?? b.openInterest };
      continue;
    }
    if (current) out.push(current.bar);
    const startS = SESSION_OPEN_S + slot * periodS;
    const time = `${String(Math.floor(startS / 3600)).padStart(2, '0')}:${String(Math.floor((startS % 3600) / 60)).padStart(2, '0')}`;
    current = { key, bar: bar(c, time) };
  }
  if (current) out.push(current.bar);
  return out;
}

function bar(c: BreezeBar, time: string | undefined): PriceBar {
  const base = { date: c.date, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, openInterest: c.openInterest };
  return time === undefined ? base : { ...base, time };
}
