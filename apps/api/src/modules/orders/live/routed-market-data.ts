import type { MarketDataPort } from '@mcube/domain';

/** A method of the market-data port. */
export type MarketMethod = keyof MarketDataPort;

/**
 * A `MarketDataPort` whose every call is answered by the port `route` picks for that method at
 * that moment: an account's market can move between the configured source and its broker's feed
 * (the switch to LIVE and back) without rebuilding the strategy that holds it.
 */
export class RoutedMarketData implements MarketDataPort {
  constructor(private readonly route: (method: MarketMethod) => Promise<MarketDataPort>) {}

  quote: MarketDataPort['quote'] = async (symbol) => (await this.route('quote')).quote(symbol);
  futuresQuote: MarketDataPort['futuresQuote'] = async (request) => (await this.route('futuresQuote')).futuresQuote(request);
  optionChain: MarketDataPort['optionChain'] = async (request) => (await this.route('optionChain')).optionChain(request);
  historyBars: MarketDataPort['historyBars'] = async (request) => (await this.route('historyBars')).historyBars(request);
  vix: MarketDataPort['vix'] = async () => (await this.route('vix')).vix();
  globalCues: MarketDataPort['globalCues'] = async () => (await this.route('globalCues')).globalCues();
  sectorPerformance: MarketDataPort['sectorPerformance'] = async (date) => (await this.route('sectorPerformance')).sectorPerformance(date);
  liquidFnoStocks: MarketDataPort['liquidFnoStocks'] = async (request) => (await this.route('liquidFnoStocks')).liquidFnoStocks(request);
  economicEvents: MarketDataPort['economicEvents'] = async (request) => (await this.route('economicEvents')).economicEvents(request);
  instruments: MarketDataPort['instruments'] = async (date) => (await this.route('instruments')).instruments(date);
}
