import type { OptionChainResponse, OptionSideResponse } from '@mcube/contracts';
import { analyzeChain, yearsToExpiry, type ChainRow, type NseCalendar, type OptionChainSnapshot, type OptionSideQuote } from '@mcube/domain';

/** Risk-free rate used to read IV and greeks off chain prices (continuous; the replay's default). */
export const CHAIN_RATE = 0.065;
/** NIFTY dividend yield used with `CHAIN_RATE` (continuous). */
export const CHAIN_DIVIDEND_YIELD = 0.012;

/** A minute: the floor of time to expiry, so an expiring chain still prices in its last minutes. */
const MIN_YEARS = 60_000 / (365 * 86_400_000);

function side(q: OptionSideQuote | undefined, priced: ChainRow | undefined): OptionSideResponse | null {
  if (!q) return null;
  const g = priced?.greeks ?? null;
  return {
    lastPrice: q.lastPrice,
    priceSource: q.source,
    bid: q.bid ?? null,
    ask: q.ask ?? null,
    volume: q.volume ?? null,
    openInterest: q.openInterest ?? null,
    openInterestChange: q.openInterestChange ?? null,
    iv: priced?.iv ?? q.impliedVolatility ?? null,
    delta: g?.delta ?? null,
    gamma: g?.gamma ?? null,
    theta: g?.theta ?? null,
    vega: g?.vega ?? null,
  };
}

/** The chain view without the summary (which needs stored history and the future: `ChainSummaryService`). */
export type ChainView = Omit<OptionChainResponse, 'summary'>;

/** Years from the chain's instant to its expiry's close (IST), at least a minute. */
export function chainYears(chain: { asOfMs: number; expiry: string }, calendar: NseCalendar): number {
  const close = calendar.sessionFor(chain.expiry)?.close ?? '15:30';
  return Math.max(MIN_YEARS, yearsToExpiry(chain.asOfMs, chain.expiry, close));
}

/**
 * The chain with IV and greeks per side (from each side's price), PCR, max pain, OI walls and
 * OI change, via `analyzeChain`. Time to expiry runs to the expiry day's close (IST).
 * Throws the DomainError of `analyzeChain` for an unsorted chain.
 */
export function buildChainView(chain: OptionChainSnapshot, calendar: NseCalendar): ChainView {
  const years = chainYears(chain, calendar);
  const a = analyzeChain(chain, { years, rate: CHAIN_RATE, dividendYield: CHAIN_DIVIDEND_YIELD });
  const byKey = new Map(a.priced.map((r) => [`${r.strike}|${r.type}`, r]));
  return {
    underlying: chain.underlying,
    expiry: chain.expiry,
    spot: chain.spot,
    asOfMs: chain.asOfMs,
    pcr: a.putCallRatio,
    maxPain: a.maxPain,
    support: a.support,
    resistance: a.resistance,
    totalCallOi: a.totalCallOi,
    totalPutOi: a.totalPutOi,
    callOiChange: a.callOiChange,
    putOiChange: a.putOiChange,
    rows: chain.strikes.map((r) => ({ strike: r.strike, call: side(r.call, byKey.get(`${r.strike}|CE`)), put: side(r.put, byKey.get(`${r.strike}|PE`)) })),
  };
}
