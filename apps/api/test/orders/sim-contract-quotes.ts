import type { MarketDataPort } from '@mcube/domain';
import { contractSymbol } from '@mcube/market-sim';
import { ContractQuotes } from '../../src/modules/data/market/contract-quotes';

/** `ContractQuotes` over a hand-built market that names contracts as the simulator does (what the market-source factory wires in the app). */
export function simQuotes(market: MarketDataPort): ContractQuotes {
  return new ContractQuotes(market, contractSymbol);
}
