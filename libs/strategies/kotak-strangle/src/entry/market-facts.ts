import {
  addDays,
  bollingerBands,
  DomainError,
  type GlobalCues,
  type IsoDate,
  type MarketDataPort,
  type NseCalendar,
  type PriceBar,
} from '@mcube/domain';
import type { EntryMarketFacts } from './entry-evaluation';

const BOLLINGER_PERIOD = 20;
const pctChange = (from: number, to: number) => Math.round(((to - from) / from) * 100 * 10_000) / 10_000;

function usChange(cues: GlobalCues, pattern: RegExp): number {
  const row = cues.indices.find((i) => pattern.test(i.name.toUpperCase()));
  if (!row) throw new DomainError('INVALID_ARGUMENT', `global cues lack ${pattern.source}`);
  return row.changePct;
}

/**
 * The filter facts from raw market data, pure: 1-day and 3-day NIFTY changes and Bollinger
 * (20, 2) from the COMPLETED daily closes (today's bar is still forming), GIFT Nifty and US
 * moves from the cues, HIGH-impact events as given.
 * @throws DomainError INVALID_ARGUMENT when fewer than 20 closes or no GIFT Nifty/Nasdaq/Dow figure is available.
 */
export function marketFactsFrom(input: {
  spot: number;
  vix: number;
  cues: GlobalCues;
  completedDailyBars: readonly PriceBar[];
  events: readonly { date: IsoDate; title: string; impact: string }[];
}): EntryMarketFacts {
  const bars = input.completedDailyBars;
  if (bars.length < BOLLINGER_PERIOD) {
    throw new DomainError('INVALID_ARGUMENT', `need ${BOLLINGER_PERIOD} completed daily closes of NIFTY, got ${bars.length}`);
  }
  const closes = bars.map((b) => b.close);
  const n = closes.length;
  const band = bollingerBands(closes.slice(-BOLLINGER_PERIOD), { period: BOLLINGER_PERIOD, stdDev: 2 })[BOLLINGER_PERIOD - 1];
  if (!band) throw new DomainError('INVALID_ARGUMENT', 'no Bollinger band');
  if (input.cues.giftNiftyChangePct === undefined) throw new DomainError('INVALID_ARGUMENT', 'GIFT Nifty change unavailable');
  return {
    spot: input.spot,
    vix: input.vix,
    giftNiftyChangePct: input.cues.giftNiftyChangePct,
    nasdaqChangePct: usChange(input.cues, /NASDAQ/),
    dowChangePct: usChange(input.cues, /DOW/),
    nifty1dChangePct: pctChange(closes[n - 2], closes[n - 1]),
    nifty3dChangePct: pctChange(closes[n - 4], closes[n - 1]),
    bollingerUpper: band.upper,
    bollingerMiddle: band.middle,
    bollingerLower: band.lower,
    lastCloseDate: bars[n - 1].date,
    highImpactEvents: input.events.filter((e) => e.impact === 'HIGH').map((e) => ({ date: e.date, title: e.title })),
  };
}

/**
 * Reads the filter facts through the market-data port: spot, VIX, global cues, ~60 calendar
 * days of completed daily NIFTY bars, and events from `date` to `date + lookaheadDays`.
 * Rejects with what the port rejects with, or DomainError when data is missing.
 */
export async function fetchMarketFacts(market: MarketDataPort, query: { date: IsoDate; lookaheadDays: number; calendar: NseCalendar }): Promise<EntryMarketFacts> {
  const { date, lookaheadDays, calendar } = query;
  const [spotQuote, vix, cues, bars, events] = await Promise.all([
    market.quote('NIFTY 50'),
    market.vix(),
    market.globalCues(),
    market.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: addDays(date, -60), to: calendar.previousTradingDay(date) }),
    market.economicEvents({ from: date, to: addDays(date, lookaheadDays) }),
  ]);
  return marketFactsFrom({ spot: spotQuote.lastPrice, vix: vix.value, cues, completedDailyBars: bars.filter((b) => b.date < date), events });
}
