import {
  addDays,
  BrokerError,
  type BarInterval,
  type Clock,
  type EconomicEvent,
  type FnoStockSnapshot,
  type FuturesQuote,
  type GlobalCues,
  type InstrumentMasterRecord,
  type IsoDate,
  type MarketDataPort,
  quoteNameOf,
  type QuoteTarget,
  type MarketQuote,
  type OptionChainSnapshot,
  type PriceBar,
  type SectorMove,
} from '@mcube/domain';
import type { BreezeInstrumentResolver } from '../instruments/breeze-instrument-resolver';
import type { BreezeQuoteRecord } from '../parse/breeze-raw.types';
import { mergeOptionChain } from './breeze-chain';
import { BREEZE_INTERVAL_OF, historyChunks, toPriceBars } from './breeze-history';
import type { BreezeMarketApi, BreezeSecurityRef } from './breeze-market.api';
import { liquidStocks, sectorMoves, type SectorIndex } from './breeze-screen-data';
import { contractOfSymbol } from './market-symbol';

/** mCube's ten sector indices (the simulator's list), used by `sectorPerformance`. */
export const BREEZE_DEFAULT_SECTORS: readonly SectorIndex[] = Object.freeze([
  { sector: 'BANK', index: 'NIFTY BANK' },
  { sector: 'FINANCIAL SERVICES', index: 'NIFTY FIN SERVICE' },
  { sector: 'IT', index: 'NIFTY IT' },
  { sector: 'AUTO', index: 'NIFTY AUTO' },
  { sector: 'PHARMA', index: 'NIFTY PHARMA' },
  { sector: 'FMCG', index: 'NIFTY FMCG' },
  { sector: 'METAL', index: 'NIFTY METAL' },
  { sector: 'ENERGY', index: 'NIFTY ENERGY' },
  { sector: 'INFRA', index: 'NIFTY INFRA' },
  { sector: 'CONSUMER', index: 'NIFTY CONSUMPTION' },
]);

/** Screen settings of the market-data adapter. */
export interface BreezeMarketDataOptions {
  /** Sector indices of `sectorPerformance` (default BREEZE_DEFAULT_SECTORS). */
  readonly sectors?: readonly SectorIndex[];
  /** Sector of an F&O stock for `liquidFnoStocks` (default 'OTHER'). */
  readonly sectorOfStock?: (symbol: string) => string | undefined;
  /** Stocks `liquidFnoStocks` ranks (default: every stock with futures in the master). */
  readonly liquidUniverse?: readonly string[];
}

const NO_FEED = (what: string) => new BrokerError('REJECTED', `ICICI Breeze offers no ${what}`, { broker: 'ICICI', brokerCode: 'NO_FEED' });

/**
 * MarketDataPort over Breeze by polling (no Socket.IO streams): quotes, futures quotes with
 * basis, option chains with OI and change in OI (REAL prices), historical v2 bars (not
 * adjusted for corporate actions), sector performance and the liquid F&O list from daily bars.
 * Global cues and economic events are not Breeze feeds: REJECTED. Symbols are NSE names
 * ('RELIANCE', 'NIFTY 50', 'NIFTY BANK', 'INDIA VIX') or contract symbols; ICICI short names
 * never leave: the resolver maps them at the edge.
 */
export class BreezeMarketData implements MarketDataPort {
  constructor(private readonly deps: { readonly api: BreezeMarketApi; readonly resolver: BreezeInstrumentResolver; readonly clock: Clock } & BreezeMarketDataOptions) {}

  /** A contract's `InstrumentId` is keyed and mapped to ICICI's contract by the resolver (`refOf`). */
  async quote(target: QuoteTarget): Promise<MarketQuote> {
    const symbol = quoteNameOf(target);
    const row = await this.quoteRow(this.refOf(symbol));
    return { symbol: symbol.trim().toUpperCase(), lastPrice: row.ltp, bid: row.bestBid, ask: row.bestOffer, volume: row.totalQuantityTraded, openInterest: row.openInterest, previousClose: row.previousClose, asOfMs: row.lastTradeAtMs ?? this.deps.clock.nowMs() };
  }

  async futuresQuote(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesQuote> {
    const ref = this.contractRef({ underlying: request.underlying.toUpperCase(), kind: 'FUT', expiry: request.expiry });
    const row = await this.quoteRow(ref);
    if (row.spotPrice === undefined) throw new BrokerError('UNKNOWN', `ICICI futures quote of ${request.underlying} ${request.expiry} has no spot price`, { broker: 'ICICI', brokerCode: 'MALFORMED_RESPONSE' });
    const asOfMs = row.lastTradeAtMs ?? this.deps.clock.nowMs();
    return { symbol: `${request.underlying.toUpperCase()}-${request.expiry}-FUT`, underlying: request.underlying.toUpperCase(), expiry: request.expiry, lastPrice: row.ltp, bid: row.bestBid, ask: row.bestOffer, volume: row.totalQuantityTraded, openInterest: row.openInterest, previousClose: row.previousClose, basis: row.ltp - row.spotPrice, source: 'REAL', asOfMs };
  }

  async optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot> {
    const underlying = request.underlying.trim().toUpperCase();
    const stockCode = this.deps.resolver.underlyingStockCode(underlying);
    if (!stockCode) throw new BrokerError('REJECTED', `ICICI: ${underlying} has no F&O contracts in the instrument master`, { broker: 'ICICI', brokerCode: 'UNKNOWN_UNDERLYING' });
    const calls = await this.deps.api.optionChain({ stockCode, expiry: request.expiry, right: 'call' });
    const puts = await this.deps.api.optionChain({ stockCode, expiry: request.expiry, right: 'put' });
    return mergeOptionChain({ underlying, expiry: request.expiry, calls, puts, nowMs: this.deps.clock.nowMs() });
  }

  async historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    const ref = this.refOf(request.symbol);
    const { source } = BREEZE_INTERVAL_OF[request.interval];
    const candles = [];
    for (const [from, to] of historyChunks(request.from, request.to, source)) {
      candles.push(...(await this.deps.api.historical({ ref, interval: source, from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.000Z` })));
    }
    return toPriceBars(candles, request.interval, request.from, request.to);
  }

  async vix(): Promise<{ readonly value: number; readonly asOfMs: number }> {
    const q = await this.quote('INDIA VIX');
    return { value: q.lastPrice, asOfMs: q.asOfMs };
  }

  async globalCues(): Promise<GlobalCues> {
    throw NO_FEED('global cues (GIFT Nifty, US indices)');
  }

  async sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]> {
    return sectorMoves({ sectors: this.deps.sectors ?? BREEZE_DEFAULT_SECTORS, date, dailyCloses: (index, from) => this.historyBars({ symbol: index, interval: '1d', from, to: date }) });
  }

  async liquidFnoStocks(request: { readonly date: IsoDate; readonly limit?: number }): Promise<readonly FnoStockSnapshot[]> {
    const universe = this.deps.liquidUniverse ?? [...new Set(this.deps.resolver.contracts().filter((c) => c.kind === 'FUT' && this.deps.resolver.cashStockCode(c.underlying)).map((c) => c.underlying))].sort();
    const daily = (symbol: string) => this.historyBars({ symbol, interval: '1d', from: addDays(request.date, -10), to: request.date });
    return liquidStocks({ universe, date: request.date, limit: request.limit ?? 50, daily, sectorOf: (s) => this.deps.sectorOfStock?.(s) ?? 'OTHER' });
  }

  async economicEvents(_request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]> {
    throw NO_FEED('economic calendar');
  }

  async instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]> {
    return this.deps.resolver.contracts().filter((c) => c.expiry >= date);
  }

  private async quoteRow(ref: BreezeSecurityRef): Promise<BreezeQuoteRecord> {
    const rows = await this.deps.api.quotes(ref);
    const row = rows.find((r) => r.exchangeCode === ref.exchangeCode);
    if (!row) throw new BrokerError('REJECTED', `ICICI has no ${ref.exchangeCode} quote for ${ref.stockCode}`, { broker: 'ICICI', brokerCode: 'NO_QUOTE' });
    return row;
  }

  private refOf(symbol: string): BreezeSecurityRef {
    const contract = contractOfSymbol(symbol);
    if (contract) return this.contractRef(contract);
    const name = symbol.trim().toUpperCase();
    const stockCode = this.deps.resolver.cashStockCode(name) ?? this.deps.resolver.cashStockCode(INDEX_ALIASES[name] ?? name);
    if (!stockCode) throw new BrokerError('REJECTED', `ICICI: no NSE stock or index named ${JSON.stringify(symbol)} in the instrument master`, { broker: 'ICICI', brokerCode: 'UNKNOWN_SYMBOL' });
    return { exchangeCode: 'NSE', stockCode };
  }

  private contractRef(contract: Parameters<BreezeInstrumentResolver['toBreeze']>[0]): BreezeSecurityRef {
    const c = this.deps.resolver.toBreeze(contract);
    if (!c) throw new BrokerError('REJECTED', `ICICI: no contract ${contract.underlying} ${contract.expiry} ${contract.kind === 'FUT' ? 'FUT' : `${contract.strike} ${contract.optionType}`} in the instrument master`, { broker: 'ICICI', brokerCode: 'UNKNOWN_CONTRACT' });
    return { exchangeCode: 'NFO', stockCode: c.stockCode, productType: c.productType, expiry: c.expiry, right: c.right, strikePrice: c.strikePrice };
  }
}

/** F&O names to the NSE index names the cash master uses. */
const INDEX_ALIASES: Readonly<Record<string, string>> = { NIFTY: 'NIFTY 50', BANKNIFTY: 'NIFTY BANK', FINNIFTY: 'NIFTY FIN SERVICE', MIDCPNIFTY: 'NIFTY MID SELECT', VIX: 'INDIA VIX' };
