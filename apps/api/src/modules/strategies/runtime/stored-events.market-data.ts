import type { EconomicEvent, EconomicEventKind, IsoDate, MarketDataPort } from '@mcube/domain';
import type { EconomicEventResponse } from '@mcube/contracts';

const KINDS: readonly string[] = ['RBI_POLICY', 'UNION_BUDGET', 'INDIA_CPI', 'FED_POLICY', 'US_CPI'];

/** The stored calendar's reader (`EconomicEventsService.list`). */
export type StoredEventsReader = (range: { from: IsoDate; to: IsoDate }) => Promise<readonly EconomicEventResponse[]>;

/** A stored event as the market-data port shapes it. */
function eventOf(e: EconomicEventResponse): EconomicEvent {
  return {
    id: `stored-${e.id}`,
    date: e.eventDate,
    time: e.eventTime ?? undefined,
    kind: (e.category && KINDS.includes(e.category) ? e.category : 'OTHER') as EconomicEventKind,
    title: e.title,
    country: e.country === 'US' ? 'US' : 'IN',
    impact: e.importance,
  };
}

/**
 * The market-data port the strategy sees: the configured source for prices, chains and cues,
 * but the STORED, editable events calendar (`POST /api/events`, which the source's own events
 * are copied into) for `economicEvents`, so an event a person adds, edits or deletes is what
 * the entry's event filter judges.
 */
export class StoredEventsMarketData implements MarketDataPort {
  constructor(
    private readonly market: MarketDataPort,
    private readonly storedEvents: StoredEventsReader,
  ) {}

  async economicEvents(request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]> {
    return (await this.storedEvents({ from: request.from, to: request.to })).map(eventOf);
  }

  quote: MarketDataPort['quote'] = (symbol) => this.market.quote(symbol);
  futuresQuote: MarketDataPort['futuresQuote'] = (request) => this.market.futuresQuote(request);
  optionChain: MarketDataPort['optionChain'] = (request) => this.market.optionChain(request);
  historyBars: MarketDataPort['historyBars'] = (request) => this.market.historyBars(request);
  vix: MarketDataPort['vix'] = () => this.market.vix();
  globalCues: MarketDataPort['globalCues'] = () => this.market.globalCues();
  sectorPerformance: MarketDataPort['sectorPerformance'] = (date) => this.market.sectorPerformance(date);
  liquidFnoStocks: MarketDataPort['liquidFnoStocks'] = (request) => this.market.liquidFnoStocks(request);
  instruments: MarketDataPort['instruments'] = (date) => this.market.instruments(date);
}
