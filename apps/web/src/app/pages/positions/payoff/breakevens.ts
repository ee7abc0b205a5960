import { payoffAt, type PayoffLeg, type PayoffPoint } from './payoff';

const roundPaise = (v: number) => Math.round(v * 100) / 100;

/** Where a line through (x1, y1), (x2, y2) with y1 ≠ y2 crosses zero. */
const zeroOf = (x1: number, y1: number, x2: number, y2: number) => x1 - (y1 * (x2 - x1)) / (y2 - y1);

/**
 * The underlying prices at which the position breaks even AT EXPIRY, exactly: the expiry
 * payoff is linear between strikes, so each segment (and the two open ends, by their slope)
 * holds at most one zero. Ascending, rounded to the paisa; a flat zero segment is skipped.
 */
export function expiryBreakevens(legs: readonly PayoffLeg[], offset = 0): number[] {
  const strikes = [...new Set(legs.flatMap((l) => (l.optionType !== null && l.strike !== null ? [l.strike] : [])))].sort((a, b) => a - b);
  const anchor = strikes.length > 0 ? strikes : [legs[0]?.entryPrice ?? 0];
  if (legs.length === 0 || anchor[0] <= 0) return [];
  const at = (price: number) => payoffAt(legs, price, null, offset);
  const found: number[] = [];
  const add = (x: number) => {
    if (x > 0 && !found.some((f) => Math.abs(f - x) < 0.005)) found.push(roundPaise(x));
  };
  const first = anchor[0];
  const last = anchor[anchor.length - 1];
  // Left of the lowest strike: the line through (first − 1) and first, extended down.
  const slopeLeft = at(first) - at(first - 1);
  if (slopeLeft !== 0 && at(first) * slopeLeft > 0) add(first - at(first) / slopeLeft);
  for (let i = 0; i < anchor.length; i++) {
    const x = anchor[i];
    if (at(x) === 0) add(x);
    if (i + 1 < anchor.length) {
      const y1 = at(x);
      const y2 = at(anchor[i + 1]);
      if (y1 * y2 < 0) add(zeroOf(x, y1, anchor[i + 1], y2));
    }
  }
  // Right of the highest strike: extended up.
  const slopeRight = at(last + 1) - at(last);
  if (slopeRight !== 0 && at(last) * slopeRight < 0) add(last - at(last) / slopeRight);
  return found.sort((a, b) => a - b);
}

/** Where a sampled curve crosses zero (linear between samples): the "today" breakevens. */
export function curveCrossings(points: readonly PayoffPoint[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a.pnl === 0) found.push(a.price);
    else if (a.pnl * b.pnl < 0) found.push(roundPaise(zeroOf(a.price, a.pnl, b.price, b.pnl)));
  }
  const tail = points[points.length - 1];
  if (tail && tail.pnl === 0) found.push(tail.price);
  return found;
}
