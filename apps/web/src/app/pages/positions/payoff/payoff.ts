import { intrinsicValue, optionValue } from './option-value';

/** One open leg as the payoff sees it: rupees per unit, units (not lots). */
export interface PayoffLeg {
  /** CE / PE; null for a future (worth the underlying). */
  optionType: 'CE' | 'PE' | null;
  strike: number | null;
  side: 'BUY' | 'SELL';
  quantity: number;
  /** Average entry price, rupees per unit. */
  entryPrice: number;
  /** Implied volatility as a fraction; needed for the "today" curve only. */
  iv: number | null;
}

/** One point of a payoff curve: P&L in rupees if the underlying were at `price`. */
export interface PayoffPoint {
  price: number;
  pnl: number;
}

/** Market inputs of the "today" curve. */
export interface PricingInputs {
  years: number;
  rate: number;
}

const signOf = (leg: PayoffLeg) => (leg.side === 'BUY' ? 1 : -1);

function legValue(leg: PayoffLeg, price: number, pricing: PricingInputs | null): number {
  if (leg.optionType === null || leg.strike === null) return price;
  if (pricing === null) return intrinsicValue(leg.optionType, price, leg.strike);
  return optionValue({ type: leg.optionType, spot: price, strike: leg.strike, years: pricing.years, rate: pricing.rate, vol: leg.iv ?? 0 });
}

/**
 * P&L in rupees of the legs if the underlying were at `price`: at expiry (intrinsic values)
 * when `pricing` is null, else today by Black-Scholes with each leg's IV. `offset` adds what
 * is already realised (closed legs), so the curve is the whole position's.
 */
export function payoffAt(legs: readonly PayoffLeg[], price: number, pricing: PricingInputs | null = null, offset = 0): number {
  return legs.reduce((sum, leg) => sum + signOf(leg) * leg.quantity * (legValue(leg, price, pricing) - leg.entryPrice), offset);
}

/** Whether the "today" curve can be drawn: every option leg needs a usable IV. */
export function canPriceToday(legs: readonly PayoffLeg[]): boolean {
  return legs.every((l) => l.optionType === null || (l.iv !== null && l.iv > 0));
}

/** The payoff over a price grid. */
export function payoffCurve(legs: readonly PayoffLeg[], prices: readonly number[], pricing: PricingInputs | null = null, offset = 0): PayoffPoint[] {
  return prices.map((price) => ({ price, pnl: payoffAt(legs, price, pricing, offset) }));
}

/**
 * An evenly spaced grid of underlying prices covering spot and every strike with a margin of
 * `marginPct` on each side (strangle strikes are a few % from spot; the breakevens beyond them).
 */
export function priceGrid(input: { spot: number | null; strikes: readonly number[]; marginPct?: number; points?: number }): number[] {
  const levels = [...input.strikes, ...(input.spot !== null ? [input.spot] : [])].filter((v) => v > 0);
  if (levels.length === 0) return [];
  const margin = input.marginPct ?? 0.06;
  const low = Math.min(...levels) * (1 - margin);
  const high = Math.max(...levels) * (1 + margin);
  const points = Math.max(input.points ?? 241, 2);
  const step = (high - low) / (points - 1);
  return Array.from({ length: points }, (_, i) => Math.round((low + i * step) * 100) / 100);
}
