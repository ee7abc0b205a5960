import { roundToTick, yearsToExpiry, type CallPut, type IsoDate, type OptionChainSnapshot, type OptionSideQuote } from '@mcube/domain';
import { modelStrikePrices, type SkewParams } from './option-pricing-model';

/** ACT/365 years to an expiry's close: the domain's, re-exported for existing importers. */
export { yearsToExpiry };

/** Open interest and volume of one option side, in units. */
export interface SideActivity {
  readonly openInterest: number;
  readonly openInterestChange: number;
  readonly volume: number;
}

/** Inputs of a modelled chain: market levels, the listed strikes and (optionally) OI per side. */
export interface ModelChainInput {
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly spot: number;
  readonly asOfMs: number;
  readonly years: number;
  readonly rate: number;
  readonly dividendYield: number;
  /** At-the-money volatility as a fraction (India VIX / 100). */
  readonly atmVol: number;
  readonly skew: SkewParams;
  readonly strikes: readonly number[];
  readonly activity?: (strike: number, type: CallPut) => SideActivity | undefined;
}

function side(price: number, vol: number, activity: SideActivity | undefined): OptionSideQuote {
  const halfSpread = Math.max(0.05, price * 0.002);
  return {
    lastPrice: price,
    source: 'MODELLED',
    bid: Math.max(0, roundToTick(Math.max(0, price - halfSpread), 'DOWN')),
    ask: roundToTick(price + halfSpread, 'UP'),
    impliedVolatility: vol,
    ...(activity ?? {}),
  };
}

/**
 * A chain priced by the model (Black-Scholes with the skew, prices on the tick, every side
 * marked MODELLED), strikes ascending. Throws INVALID_ARGUMENT (from the pricer) on bad levels.
 */
export function buildModelChain(input: ModelChainInput): OptionChainSnapshot {
  const strikes = [...input.strikes].sort((a, b) => a - b);
  return {
    underlying: input.underlying,
    expiry: input.expiry,
    spot: input.spot,
    asOfMs: input.asOfMs,
    strikes: strikes.map((strike) => {
      const p = modelStrikePrices({ ...input, strike });
      return {
        strike,
        call: side(p.call, p.vol, input.activity?.(strike, 'CE')),
        put: side(p.put, p.vol, input.activity?.(strike, 'PE')),
      };
    }),
  };
}
