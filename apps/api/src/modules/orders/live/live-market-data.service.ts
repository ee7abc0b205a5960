import { Inject, Injectable, Optional } from '@nestjs/common';
import type { MarketDataPort } from '@mcube/domain';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../execution-clients.token';
import { isLiveClient } from './broker-connections.service';
import { IciciLiveBrokers } from './icici/icici-live-brokers.service';
import { KotakLiveBrokers } from './kotak-live-brokers.service';
import { RoutedMarketData, type MarketMethod } from './routed-market-data';

/**
 * What each broker's live feed answers; everything else stays with the configured source.
 * Kotak (quotes endpoint, polled): NIFTY spot, India VIX, futures and the option chain's strikes
 * near spot, and the contracts of its master; it has no candles, cues or calendar.
 * ICICI Breeze (polled): quotes, futures, chains with OI, historical v2 bars, sector moves,
 * the liquid F&O stocks from its master and history, the contracts of its master; no global
 * cues, no economic calendar.
 */
const LIVE_FEED: Readonly<Record<'KOTAK' | 'ICICI', ReadonlySet<MarketMethod>>> = {
  KOTAK: new Set<MarketMethod>(['quote', 'futuresQuote', 'optionChain', 'vix', 'instruments']),
  ICICI: new Set<MarketMethod>(['quote', 'futuresQuote', 'optionChain', 'historyBars', 'vix', 'sectorPerformance', 'liquidFnoStocks', 'instruments']),
};

/**
 * The market a strategy of one account reads (issues 14 §1, 15 §1): while the account trades
 * LIVE, i.e. the registry holds its live adapter (`BrokerConnections`, which follows the stored
 * mode), the prices come from that account's broker feed; on PAPER, or a method the broker does
 * not offer, from the configured source (simulator or replay). Decided on every call, so a
 * switch takes effect at the strategy's next read without a rebuild; the broker's port is the
 * current one for the stored credentials (replaced credentials are used at once).
 */
@Injectable()
export class LiveMarketData {
  constructor(
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly kotak: KotakLiveBrokers,
    @Optional() private readonly icici?: IciciLiveBrokers,
  ) {}

  /** Whether `accountId` is connected to its live broker now. */
  isLive(accountId: number): boolean {
    return isLiveClient(this.clients.get(accountId));
  }

  /** The market port of `accountId`'s strategy: `configured` on paper, the broker's feed (for what it offers) when LIVE. */
  forAccount(accountId: number, broker: 'KOTAK' | 'ICICI', configured: MarketDataPort): MarketDataPort {
    return new RoutedMarketData(async (method) => {
      if (!LIVE_FEED[broker].has(method) || !this.isLive(accountId)) return configured;
      if (broker === 'KOTAK') return (await this.kotak.currentBroker(accountId)).marketData;
      if (!this.icici) return configured;
      return this.icici.marketDataFor(accountId);
    });
  }
}
