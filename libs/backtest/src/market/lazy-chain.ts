import type { IsoDate, OptionChainSnapshot } from '@mcube/domain';
import type { PricedSide } from './option-pricer';

/** Prices both sides of one strike on demand. */
export type StrikePricer = (strike: number) => { readonly call: PricedSide; readonly put: PricedSide };

/**
 * A chain row priced the first time a side is read: a monitoring pass reads two strikes of a
 * chain of a hundred, so pricing all of them every tick would dominate a backtest. Serialises
 * (`toJSON`) like a plain row.
 */
export class LazyChainRow {
  private priced: ReturnType<StrikePricer> | null = null;

  constructor(
    readonly strike: number,
    private readonly pricer: StrikePricer,
  ) {}

  get call(): PricedSide {
    return (this.priced ??= this.pricer(this.strike)).call;
  }

  get put(): PricedSide {
    return (this.priced ??= this.pricer(this.strike)).put;
  }

  toJSON(): { strike: number; call: PricedSide; put: PricedSide } {
    return { strike: this.strike, call: this.call, put: this.put };
  }
}

/** An option chain of lazily priced rows, strikes ascending. */
export function lazyChain(input: { underlying: string; expiry: IsoDate; spot: number; asOfMs: number; strikes: readonly number[]; pricer: StrikePricer }): OptionChainSnapshot {
  return {
    underlying: input.underlying,
    expiry: input.expiry,
    spot: input.spot,
    asOfMs: input.asOfMs,
    strikes: input.strikes.map((k) => new LazyChainRow(k, input.pricer)),
  };
}
