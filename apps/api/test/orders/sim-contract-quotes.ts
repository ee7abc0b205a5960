import type { MarketDataPort } from '@mcube/domain';
import { ContractQuotes } from '../../src/modules/data/market/contract-quotes';

/** `ContractQuotes` over a hand-built market (the port takes the contract's `InstrumentId`; a fake keys it by `quoteNameOf`). */
export function simQuotes(market: MarketDataPort): ContractQuotes {
  return new ContractQuotes(market);
}
