import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import type { IntentInstrument, MarketDataPort, MarketQuote } from '@mcube/domain';
import { ContractQuotes } from '../../data/market/contract-quotes';
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
 * current one for the stored credentials (replaced credentials are used at once). It also
 * quotes a LIVE account's contracts for `ContractQuotes` (marks, person and breaker exits, the
 * exit chaser's touch) from the same feed.
 */
@Injectable()
export class LiveMarketData implements OnModuleInit {
  constructor(
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly kotak: KotakLiveBrokers,
    @Optional() private readonly icici?: IciciLiveBrokers,
    @Optional() private readonly quotes?: ContractQuotes,
  ) {}

  onModuleInit(): void {
    this.quotes?.useAccountQuoter((accountId, instrument) => {
      const broker = this.clients.get(accountId)?.broker;
      if (!this.isLive(accountId) || (broker !== 'KOTAK' && broker !== 'ICICI')) return undefined;
      return this.contractQuote(accountId, broker, instrument);
    });
  }

  /** Whether `accountId` is connected to its live broker now. */
  isLive(accountId: number): boolean {
    return isLiveClient(this.clients.get(accountId));
  }

  /**
   * A contract's quote from the account's broker feed: a future by `futuresQuote` (with its
   * basis); an option by its `InstrumentId`, which each adapter maps at its edge (Kotak to its
   * token through its master, ICICI to its short name, expiry, right and strike through its
   * resolver; REJECTED when the contract is not listed).
   */
  private async contractQuote(accountId: number, broker: 'KOTAK' | 'ICICI', instrument: IntentInstrument): Promise<MarketQuote> {
    const port = await this.brokerPort(accountId, broker);
    if (instrument.kind === 'FUT') return port.futuresQuote({ underlying: instrument.underlying, expiry: instrument.expiry });
    return port.quote(instrument);
  }

  private async brokerPort(accountId: number, broker: 'KOTAK' | 'ICICI'): Promise<MarketDataPort> {
    if (broker === 'KOTAK') return (await this.kotak.currentBroker(accountId)).marketData;
    if (!this.icici) throw new Error('no ICICI adapter in this process');
    return this.icici.marketDataFor(accountId);
  }

  /** The market port of `accountId`'s strategy: `configured` on paper, the broker's feed (for what it offers) when LIVE. */
  forAccount(accountId: number, broker: 'KOTAK' | 'ICICI', configured: MarketDataPort): MarketDataPort {
    return new RoutedMarketData(async (method) => {
      if (!LIVE_FEED[broker].has(method) || !this.isLive(accountId)) return configured;
      if (broker === 'ICICI' && !this.icici) return configured;
      return this.brokerPort(accountId, broker);
    });
  }
}
