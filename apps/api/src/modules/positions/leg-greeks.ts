import { epochMsOfIst, priceChain, type NseCalendar } from '@mcube/domain';
import type { LegGreeks } from '@mcube/contracts';
import { KOTAK_STRANGLE_CONFIG_DEFAULTS } from '@mcube/strategy-kotak-strangle';

const MS_PER_YEAR = 365 * 86_400_000;

/** One option leg to value: signed units (short negative) and its last mark in rupees. */
export interface MarkedOptionLeg {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly signedQuantity: number;
  readonly lastPrice: number | null;
}

/** Greeks of each leg (null without a mark) and the net delta (Σ units × delta; null when a marked leg has no delta). */
export interface LegGreeksResult {
  readonly legs: (LegGreeks | null)[];
  readonly netDelta: number | null;
}

/**
 * Black-Scholes implied volatility and greeks of option legs from their last marks and the
 * spot (the domain's `priceChain`, with the strategy's rate and dividend yield), time to the
 * expiry's close on the NSE calendar. A mark with no time value gets no IV and its intrinsic
 * delta (0 or ±1), as the strategy's monitor does. Pure.
 */
export function legGreeks(input: { legs: readonly MarkedOptionLeg[]; spot: number | null; expiry: string; nowMs: number; calendar: NseCalendar }): LegGreeksResult {
  const { spot, legs } = input;
  if (spot === null || !(spot > 0)) return { legs: legs.map(() => null), netDelta: null };
  const close = input.calendar.sessionFor(input.expiry)?.close ?? '15:30';
  const years = Math.max(epochMsOfIst(input.expiry, close) - input.nowMs, 60_000) / MS_PER_YEAR;
  const { riskFreeRate, dividendYield } = KOTAK_STRANGLE_CONFIG_DEFAULTS;
  let net = 0;
  const out = legs.map((leg): LegGreeks | null => {
    if (leg.lastPrice === null || !(leg.lastPrice > 0)) return null;
    const [row] = priceChain({ spot, years, rate: riskFreeRate, dividendYield, options: [{ strike: leg.strike, type: leg.optionType, price: leg.lastPrice }] });
    const intrinsic = leg.optionType === 'CE' ? (spot > leg.strike ? 1 : 0) : spot < leg.strike ? -1 : 0;
    const g = row.status === 'OK' ? row.greeks : null;
    const delta = g ? g.delta : intrinsic;
    net += leg.signedQuantity * delta;
    return { iv: row.status === 'OK' ? row.iv : null, delta, gamma: g?.gamma ?? null, theta: g?.theta ?? null, vega: g?.vega ?? null };
  });
  const anyMarked = out.some((g) => g !== null);
  return { legs: out, netDelta: anyMarked ? Math.round(net * 100) / 100 : null };
}

/** The quote symbol of an underlying's spot ('NIFTY' → 'NIFTY 50'). */
export function spotSymbolOf(underlying: string): string {
  return underlying === 'NIFTY' ? 'NIFTY 50' : underlying;
}
