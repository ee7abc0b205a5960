import { addDays, epochMsOfIst, type NseCalendar } from '@mcube/domain';
import { yearsToExpiry } from '@mcube/market-sim';
import type { MarketHistory } from '../data/market-history';
import { modelledStrike, type OptionPricingParams } from '../market/option-pricer';

/** How modelled prices compare with real ones in one moneyness bucket. */
export interface ModelCheckBucket {
  readonly type: 'CE' | 'PE';
  /** Distance of the strike from the close, percent: [from, to). */
  readonly otmFromPct: number;
  readonly otmToPct: number;
  readonly count: number;
  /** Median of model ÷ real. */
  readonly medianRatio: number | null;
  /** Median of |model − real| ÷ real, percent. */
  readonly medianAbsErrorPct: number | null;
}

const BUCKETS: readonly [number, number][] = [
  [0, 2],
  [2, 5],
  [5, 10],
  [10, 100],
];

const medianOf = (v: number[]) => {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The option model against every real end-of-day record of the data folder: each real traded
 * price of an out-of-the-money option (the side a short strangle sells), expiring within 60
 * days, worth at least ₹1, next to the model's price at that day's official NIFTY and India VIX
 * closes. Grouped by side and distance from the close. Pure over the history.
 */
export function modelCheck(history: MarketHistory, calendar: NseCalendar, pricing: OptionPricingParams): { rows: number; days: number; buckets: ModelCheckBucket[] } {
  const samples: { type: 'CE' | 'PE'; otmPct: number; ratio: number }[] = [];
  let days = 0;
  for (const [date, rows] of history.optionRows) {
    const i = history.niftyDaily.indexOf(date);
    const v = history.vixDaily.indexOf(date);
    const session = calendar.isTradingDay(date) ? calendar.sessionFor(date) : null;
    if (i < 0 || v < 0 || !session) continue;
    const spot = history.niftyDaily.close[i];
    const vix = history.vixDaily.close[v];
    const closeMs = epochMsOfIst(date, session.close);
    let used = false;
    for (const r of rows) {
      if (r.price === null || r.price < 1 || r.expiry < date || r.expiry > addDays(date, 60)) continue;
      const otm = r.type === 'CE' ? r.strike > spot : r.strike < spot;
      const years = yearsToExpiry(closeMs, r.expiry, calendar.sessionFor(r.expiry)?.close ?? '15:30');
      if (!otm || years <= 0 || years > 60 / 365) continue;
      const m = modelledStrike({ spot, strike: r.strike, years, vix, params: pricing });
      samples.push({ type: r.type, otmPct: (Math.abs(r.strike - spot) / spot) * 100, ratio: (r.type === 'CE' ? m.call : m.put) / r.price });
      used = true;
    }
    if (used) days++;
  }
  const buckets: ModelCheckBucket[] = [];
  for (const type of ['CE', 'PE'] as const) {
    for (const [from, to] of BUCKETS) {
      const inBucket = samples.filter((s) => s.type === type && s.otmPct >= from && s.otmPct < to);
      const ratio = medianOf(inBucket.map((s) => s.ratio));
      const err = medianOf(inBucket.map((s) => Math.abs(s.ratio - 1) * 100));
      buckets.push({ type, otmFromPct: from, otmToPct: to, count: inBucket.length, medianRatio: ratio === null ? null : Math.round(ratio * 1000) / 1000, medianAbsErrorPct: err === null ? null : Math.round(err * 10) / 10 });
    }
  }
  return { rows: samples.length, days, buckets };
}
