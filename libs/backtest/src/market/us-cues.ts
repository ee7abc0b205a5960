import { dayNumber, type IsoDate } from '@mcube/domain';
import type { DailySeries } from '../data/price-series';
import type { UsSeries } from '../data/market-history';

/** A US close older than this many calendar days before the IST date is stale: the cue is missing. */
export const US_CUE_MAX_AGE_DAYS = 5;

const round2 = (v: number) => Math.round(v * 100) / 100;

function lastChange(series: DailySeries | null, date: IsoDate): { changePct: number; asOf: IsoDate } | null {
  if (!series) return null;
  const i = series.lastIndexBefore(date);
  if (i < 1) return null;
  const last = series.dates[i];
  // A close dated before today's IST date finished overnight IST; a stale one (a gap in the file) is no cue.
  if (dayNumber(date) - dayNumber(last) > US_CUE_MAX_AGE_DAYS || dayNumber(last) - dayNumber(series.dates[i - 1]) > US_CUE_MAX_AGE_DAYS) return null;
  return { changePct: round2((series.close[i] / series.close[i - 1] - 1) * 100), asOf: last };
}

/** The US index moves the entry filter reads on an IST date, and whether the Dow came from its proxy. */
export interface UsCues {
  readonly indices: readonly { readonly name: string; readonly changePct: number }[];
  /** True when the Dow Jones figure is the S&P 500's (the Dow file has a gap there). */
  readonly dowProxied: boolean;
}

/**
 * The last completed US session's moves before `date` (IST): NASDAQ, DOW JONES, S&P 500,
 * each from its two last closes dated before `date` unless stale. Where the Dow is missing
 * (the shared data has no Dow 2019-10 … 2024-09), the S&P 500's move stands in for it, named
 * 'DOW JONES (S&P 500 PROXY)' so the proxy is visible. Pure.
 */
export function usCuesOn(us: UsSeries, date: IsoDate): UsCues {
  const indices: { name: string; changePct: number }[] = [];
  const nasdaq = lastChange(us.nasdaq, date);
  const dow = lastChange(us.dow, date);
  const sp = lastChange(us.sp500, date);
  if (nasdaq) indices.push({ name: 'NASDAQ', changePct: nasdaq.changePct });
  if (dow) indices.push({ name: 'DOW JONES', changePct: dow.changePct });
  else if (sp) indices.push({ name: 'DOW JONES (S&P 500 PROXY)', changePct: sp.changePct });
  if (sp) indices.push({ name: 'S&P 500', changePct: sp.changePct });
  return { indices, dowProxied: !dow && sp !== null };
}
