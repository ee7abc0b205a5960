import type { MetricsLeg } from './metrics-leg';
import { openLegs, sideSign } from './metrics-leg';

/** A price interval of the underlying at expiry; `high` null means unbounded above. */
export interface PriceInterval {
  readonly low: number;
  readonly high: number | null;
}

/** The shape of a position's P&L at expiry (paise). */
export interface ExpiryPayoffShape {
  /** Best P&L at expiry, paise; null when unlimited (net long calls or futures). */
  readonly maxProfitPaise: number | null;
  /** Worst P&L at expiry (negative for a loss), paise; null when unlimited (net short calls or futures). */
  readonly maxLossPaise: number | null;
  /** Underlying levels where the expiry P&L crosses zero, ascending. */
  readonly breakevens: number[];
  /** Where the expiry P&L is above zero, ascending, disjoint. */
  readonly profitIntervals: PriceInterval[];
}

/** Value of one leg at expiry in index points (a future is worth the underlying). */
function valueAtExpiry(leg: MetricsLeg, price: number): number {
  if (leg.optionType === null || leg.strike === null) return price;
  return leg.optionType === 'CE' ? Math.max(price - leg.strike, 0) : Math.max(leg.strike - price, 0);
}

/** P&L at expiry in paise (unrounded) if the underlying settles at `price`; `offsetPaise` is what is already realised. */
export function expiryPnlPaise(legs: readonly MetricsLeg[], price: number, offsetPaise = 0): number {
  return openLegs(legs).reduce((sum, l) => sum + sideSign(l) * l.quantity * (valueAtExpiry(l, price) * 100 - l.entryPricePaise), offsetPaise);
}

/**
 * Max profit, max loss, breakevens and profit intervals of the open legs at expiry, plus what
 * is already realised. The expiry P&L is piecewise linear with kinks at the strikes, so it is
 * exact from its values at 0 and at each strike and its slope above the highest strike
 * (units of net long calls and futures: positive → profit unlimited, negative → loss unlimited).
 */
export function expiryPayoffShape(legs: readonly MetricsLeg[], realizedPnlPaise: number): ExpiryPayoffShape {
  const open = openLegs(legs);
  const strikes = [...new Set(open.flatMap((l) => (l.strike !== null && l.optionType !== null ? [l.strike] : [])))].sort((a, b) => a - b);
  const xs = [0, ...strikes.filter((k) => k > 0)];
  const ys = xs.map((x) => expiryPnlPaise(open, x, realizedPnlPaise));
  const tailSlope = open.reduce((s, l) => s + (l.optionType === 'PE' ? 0 : sideSign(l) * l.quantity * 100), 0);
  const round = (v: number) => Math.round(v);
  const best = Math.max(...ys);
  const worst = Math.min(...ys);
  const breakevens: number[] = [];
  const intervals: { low: number; high: number | null }[] = [];
  const add = (low: number, high: number | null) => {
    const last = intervals[intervals.length - 1];
    if (last && last.high !== null && Math.abs(last.high - low) < 1e-9) last.high = high;
    else intervals.push({ low, high });
  };
  for (let j = 0; j + 1 < xs.length; j++) {
    const [x0, x1, y0, y1] = [xs[j], xs[j + 1], ys[j], ys[j + 1]];
    const cross = y0 !== y1 ? x0 + ((0 - y0) * (x1 - x0)) / (y1 - y0) : null;
    if (y0 > 0 && y1 > 0) add(x0, x1);
    else if (y0 > 0 && cross !== null) add(x0, cross);
    else if (y1 > 0 && cross !== null) add(cross, x1);
    if (cross !== null && ((y0 > 0 && y1 <= 0) || (y0 <= 0 && y1 > 0)) && cross > 0) breakevens.push(cross);
  }
  const xn = xs[xs.length - 1];
  const yn = ys[ys.length - 1];
  if (yn > 0 && tailSlope >= 0) add(xn, null);
  else if (yn > 0 && tailSlope < 0) {
    add(xn, xn - yn / tailSlope);
    breakevens.push(xn - yn / tailSlope);
  } else if (yn <= 0 && tailSlope > 0) {
    add(xn - yn / tailSlope, null);
    breakevens.push(xn - yn / tailSlope);
  }
  return {
    maxProfitPaise: tailSlope > 0 ? null : round(best),
    maxLossPaise: tailSlope < 0 ? null : round(worst),
    breakevens: [...new Set(breakevens.map((b) => Math.round(b * 100) / 100))],
    profitIntervals: intervals,
  };
}
