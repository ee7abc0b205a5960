import { DomainError } from '../errors/domain-error';
import { assertNonNegative, assertPositive } from '../validation/assert';
import { tickSize } from './instrument-facts.data';
import type { TickRounding } from './instruments.types';

// Tolerance in ticks for binary noise (0.1 + 0.2 style); far below a real price difference.
const EPS = 1e-7;

function decimalsOf(tick: number): number {
  const text = String(tick);
  return text.includes('e-') ? Number(text.split('e-')[1]) : (text.split('.')[1] ?? '').length;
}

// The default tick's decimals, computed once: rounding sits in every pricing loop.
const DEFAULT_TICK_DECIMALS = decimalsOf(tickSize);

/**
 * true when `price` (rupees) is a whole number of ticks (default ₹0.05), allowing for binary
 * noise (123.45 is on tick). Throws INVALID_ARGUMENT for a NaN/infinite/negative price or a
 * tick that is not positive.
 */
export function isOnTick(price: number, tick: number = tickSize): boolean {
  assertNonNegative('price', price);
  assertPositive('tick', tick);
  const ticks = price / tick;
  return Math.abs(ticks - Math.round(ticks)) < EPS;
}

/**
 * `price` moved to a whole number of ticks: UP (never below), DOWN (never above) or NEAREST
 * (ties up). The result carries no binary noise (123.4500000001 → 123.45). A price already
 * on tick is returned unchanged. Throws INVALID_ARGUMENT for a bad price, tick or mode.
 */
export function roundToTick(price: number, mode: TickRounding, tick: number = tickSize): number {
  assertNonNegative('price', price);
  assertPositive('tick', tick);
  const ticks = price / tick;
  let whole: number;
  if (mode === 'UP') whole = Math.ceil(ticks - EPS);
  else if (mode === 'DOWN') whole = Math.floor(ticks + EPS);
  else if (mode === 'NEAREST') whole = Math.floor(ticks + 0.5 + EPS);
  else throw new DomainError('INVALID_ARGUMENT', `rounding mode must be UP, DOWN or NEAREST, got ${String(mode)}`, { mode });
  return Number((whole * tick).toFixed(tick === tickSize ? DEFAULT_TICK_DECIMALS : decimalsOf(tick)));
}
