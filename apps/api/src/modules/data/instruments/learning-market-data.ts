import type { MarketDataPort } from '@mcube/domain';
import { CONTRACT_TERMS, type ContractTermsBook } from './contract-terms.book';
import { overridingMarketData } from './overriding-market-data';

/** `market` whose `instruments(date)` also teaches `book` the contracts' lot sizes (see `ContractTermsBook`); everything else passes through. */
export function learningMarketData(market: MarketDataPort, book: ContractTermsBook = CONTRACT_TERMS): MarketDataPort {
  return overridingMarketData(market, 'instruments', async (date) => {
    const rows = await market.instruments(date);
    book.learn(rows);
    return rows;
  });
}
