import { addDays, isoWeekday } from '@mcube/domain';

/** `count` weekday daily candles ending on `last` (the local Breeze server's historical v2 shape), closes from `closeOf`. */
export function dailyCandles(last: string, count: number, closeOf: (i: number) => number, volume = 1_000_000) {
  const days: string[] = [];
  for (let d = last; days.length < count; d = addDays(d, -1)) if (isoWeekday(d) <= 5) days.unshift(d);
  return days.map((d, i) => ({ datetime: `${d} 00:00:00`, open: closeOf(i), high: closeOf(i) + 2, low: closeOf(i) - 2, close: closeOf(i), volume }));
}
