import { BrokerError, type IsoDate, type OptionChainSnapshot, type OptionSideQuote } from '@mcube/domain';
import { buildModelChain } from '../sim/model-chain';
import type { SkewParams } from '../sim/option-pricing-model';
import type { RealOptionRow } from './real-option-rows';

/** Market levels a replayed chain is priced from where no real row exists. */
export interface ReplayChainMarket {
  readonly expiry: IsoDate;
  readonly spot: number;
  readonly asOfMs: number;
  readonly years: number;
  readonly rate: number;
  readonly dividendYield: number;
  readonly atmVol: number;
  readonly skew: SkewParams;
  /** Listed strikes used when there are no real rows for this expiry. */
  readonly strikes: readonly number[];
}

function realSide(row: RealOptionRow, modelled: OptionSideQuote | undefined): OptionSideQuote | undefined {
  const activity = {
    ...(row.openInterest !== undefined ? { openInterest: row.openInterest } : {}),
    ...(row.openInterestChange !== undefined ? { openInterestChange: row.openInterestChange } : {}),
    ...(row.volume !== undefined ? { volume: row.volume } : {}),
  };
  if (row.price !== null) {
    return { lastPrice: row.price, source: 'REAL', ...(row.impliedVolatility !== undefined ? { impliedVolatility: row.impliedVolatility } : {}), ...activity };
  }
  return modelled ? { ...modelled, ...activity } : undefined;
}

/**
 * A replayed chain: every side with a real traded price is REAL (with its OI); every other side
 * is priced by the model from VIX and marked MODELLED (keeping any real OI). With real rows the
 * strikes are theirs; without, the listed grid. Throws INVALID_ARGUMENT (pricer) on bad levels.
 */
export function replayChain(market: ReplayChainMarket, rows: readonly RealOptionRow[]): OptionChainSnapshot {
  const forExpiry = rows.filter((r) => r.expiry === market.expiry);
  const strikes = forExpiry.length > 0 ? [...new Set(forExpiry.map((r) => r.strike))] : [...market.strikes];
  const model = buildModelChain({ underlying: 'NIFTY', ...market, strikes });
  if (forExpiry.length === 0) return model;
  const real = new Map(forExpiry.map((r) => [`${r.strike}|${r.type}`, r]));
  return {
    ...model,
    strikes: model.strikes.map((s) => {
      const call = real.get(`${s.strike}|CE`);
      const put = real.get(`${s.strike}|PE`);
      return { strike: s.strike, call: call ? realSide(call, s.call) : s.call, put: put ? realSide(put, s.put) : s.put };
    }),
  };
}

/** Throws BrokerError REJECTED unless `underlying` is NIFTY (the only replayed options). */
export function assertNiftyOptions(underlying: string): void {
  if (underlying.trim().toUpperCase() !== 'NIFTY') throw new BrokerError('REJECTED', `the replay has options of NIFTY only, not ${underlying}`);
}
