import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ExpiriesResponse, GlobalCuesResponse, HistoryBarResponse, HistoryResponse, OptionChainResponse, QuoteResponse, QuotesResponse, VixResponse } from '@mcube/contracts';
import { addDays, assertIsoDate, daysBetween, epochMsOfIst, istDateTimeOf, type BarInterval, type Clock, type MarketDataPort, type MarketQuote, type NseCalendar } from '@mcube/domain';
import { Between, Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { writeVersionOf } from '../../../database/read-cache';
import { MarketData } from '../entities/market-data.entity';
import { MARKET_DATA, NSE_CALENDAR } from '../source/market-data.tokens';
import { buildChainView } from './chain-view';
import { ChainSummaryService } from './chain-summary.service';
import { fromMarket } from './market-errors';
import { listedExpiries } from './listed-expiries';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** Longest span of one history request, in days, by bar length (keeps responses bounded). */
const MAX_HISTORY_DAYS: Record<BarInterval, number> = { '1m': 31, '5m': 92, '15m': 366, '1h': 731, '1d': 7320 };

const round2 = (v: number) => Math.round(v * 100) / 100;

function quoteView(q: MarketQuote): QuoteResponse {
  const prev = q.previousClose ?? null;
  const change = prev === null ? null : round2(q.lastPrice - prev);
  return {
    symbol: q.symbol,
    lastPrice: q.lastPrice,
    previousClose: prev,
    change,
    changePct: prev === null || prev === 0 || change === null ? null : round2((change / prev) * 100),
    bid: q.bid ?? null,
    ask: q.ask ?? null,
    volume: q.volume ?? null,
    openInterest: q.openInterest ?? null,
    asOfMs: q.asOfMs,
  };
}

/** Read side of market data for the console: live quotes and chains from the source, history from imports or the source. */
@Injectable()
export class MarketService {
  /** The last priced chain per underlying and expiry, with the market time and the write counter it was priced at. */
  private readonly pricedChains = new Map<string, { asOfMs: number; version: number; response: Promise<OptionChainResponse> }>();

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @InjectRepository(MarketData) private readonly bars: Repository<MarketData>,
    private readonly summaries: ChainSummaryService,
  ) {}

  /** Latest quotes, in the order asked; an unknown symbol is a 404 naming it. */
  async quotes(symbols: readonly string[]): Promise<QuotesResponse> {
    const unique = [...new Set(symbols.map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
    const quotes = await fromMarket(() => Promise.all(unique.map((s) => this.market.quote(s))));
    return { quotes: quotes.map(quoteView) };
  }

  /** The chain with IV, greeks, PCR, max pain, OI change and its summary (ATM IV and percentile, straddle, expected move, future); expiry defaults to the nearest listed. */
  async optionChain(underlying: string, expiry?: string): Promise<OptionChainResponse> {
    const chosen = expiry ?? this.expiries(underlying).weekly[0];
    if (!chosen) throw new AppException('NOT_FOUND', `No listed ${underlying} expiry is known`);
    const chain = await fromMarket(() => this.market.optionChain({ underlying, expiry: chosen }));
    // Priced (IV, greeks, analytics) once per market tick of the chain, then served from memory
    // until the next tick or a write (the IV percentile reads stored snapshots): pricing on every
    // request was ~15% of the API's busy CPU (issue 21).
    const key = `${underlying}|${chosen}`;
    const version = writeVersionOf(this.bars.manager.connection).value;
    const priced = this.pricedChains.get(key);
    if (priced && priced.asOfMs === chain.asOfMs && priced.version === version) return priced.response;
    const response = (async () => {
      const view = buildChainView(chain, this.calendar);
      return { ...view, summary: await this.summaries.summarise(view) };
    })();
    if (this.pricedChains.size >= 16 && !priced) this.pricedChains.clear();
    this.pricedChains.set(key, { asOfMs: chain.asOfMs, version, response });
    response.catch(() => this.pricedChains.delete(key));
    return response;
  }

  /** India VIX now. */
  async vix(): Promise<VixResponse> {
    const v = await fromMarket(() => this.market.vix());
    return { value: v.value, asOfMs: v.asOfMs };
  }

  /** GIFT Nifty and US index moves. */
  async globalCues(): Promise<GlobalCuesResponse> {
    const c = await fromMarket(() => this.market.globalCues());
    return { giftNiftyChangePct: c.giftNiftyChangePct ?? null, indices: c.indices.map((i) => ({ name: i.name, changePct: i.changePct })), asOfMs: c.asOfMs };
  }

  /** Listed expiries from the market clock's IST date. */
  expiries(underlying: string): ExpiriesResponse {
    const today = istDateTimeOf(this.clock.nowMs()).date;
    return { underlying, ...listedExpiries(this.calendar, underlying, today) };
  }

  /**
   * Bars between two IST dates inclusive, oldest first: the user's imported bars when any exist
   * for that symbol, interval and range, else the market source's. VALIDATION_FAILED when
   * `from` is after `to`, a date does not exist, or the span is too long for the interval.
   */
  async history(q: { symbol: string; interval: BarInterval; from: string; to: string }): Promise<HistoryResponse> {
    try {
      assertIsoDate(q.from);
      assertIsoDate(q.to);
    } catch {
      throw new AppException('VALIDATION_FAILED', ['from and to must be real calendar dates']);
    }
    const span = daysBetween(q.from, q.to);
    if (span < 0) throw new AppException('VALIDATION_FAILED', ['from must not be after to']);
    if (span > MAX_HISTORY_DAYS[q.interval]) throw new AppException('VALIDATION_FAILED', [`a ${q.interval} history spans at most ${MAX_HISTORY_DAYS[q.interval]} days`]);
    const symbol = q.symbol.trim().toUpperCase();
    const stored = await this.bars.find({
      where: { symbol, interval: q.interval, source: 'import', barStart: Between(new Date(epochMsOfIst(q.from, '00:00')), new Date(epochMsOfIst(addDays(q.to, 1), '00:00') - 1)) },
      order: { barStart: 'ASC' },
    });
    if (stored.length > 0) return { symbol, interval: q.interval, source: 'import', bars: stored.map((b) => storedBar(b, q.interval)) };
    const bars = await fromMarket(() => this.market.historyBars({ symbol, interval: q.interval, from: q.from, to: q.to }));
    return {
      symbol,
      interval: q.interval,
      source: 'market',
      bars: bars.map((b) => ({ date: b.date, ...(b.time ? { time: b.time } : {}), open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume })),
    };
  }
}

function storedBar(b: MarketData, interval: string): HistoryBarResponse {
  const { date, time } = istDateTimeOf(b.barStart.getTime());
  return {
    date,
    ...(interval === '1d' ? {} : { time: time.slice(0, 5) }),
    open: b.openPaise / 100,
    high: b.highPaise / 100,
    low: b.lowPaise / 100,
    close: b.closePaise / 100,
    volume: b.volume,
  };
}
