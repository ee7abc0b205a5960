import {
  BrokerError,
  createDefaultNseCalendar,
  DomainError,
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
  type NseCalendar,
  type OptionChainSnapshot,
  type PriceBar,
  type SectorMove,
} from '@mcube/domain';
import { parseContractSymbol } from '../instruments/contract-symbol';
import { buildInstrumentMaster, listedFuturesExpiries, listedOptionExpiries, listedStrikes } from '../instruments/instrument-master';
import { periodChanges } from '../sector-performance';
import { EventsCalendar } from '../sim/events-calendar';
import { fairFuturesPrice } from '../sim/futures-model';
import { yearsToExpiry } from '../sim/model-chain';
import { FLAT_SKEW, type SkewParams } from '../sim/option-pricing-model';
import { createPrng } from '../sim/prng';
import { SIM_SECTORS, SIM_STOCKS } from '../sim/stock-universe.data';
import { findDefaultDataFolder } from './files/csv-files';
import { DATA_LAYOUT } from './files/shared-data-layout';
import { assertNiftyOptions, replayChain } from './replay-chain';
import { ReplayData } from './replay-data';
import { AsOf, REPLAY_INTERVAL_MS } from './replay-prices';

/** Options of the replay; everything has a default. */
export interface HistoricalReplayOptions {
  /** A folder in the layout of `../shared/data/`; default: that folder when it exists. */
  readonly dataFolder?: string;
  readonly calendar?: NseCalendar;
  readonly rate?: number;
  readonly dividendYield?: number;
  /** Skew of modelled option prices; default flat ("VIX as volatility"). */
  readonly skew?: SkewParams;
  /** Economic events (default: the seeded calendar of seed `eventsSeed`, 1). */
  readonly events?: readonly EconomicEvent[];
  readonly eventsSeed?: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const SECTOR_OF_INDEX = new Map(SIM_SECTORS.map((s) => [s.index, s.sector]));
const SECTOR_OF_STOCK = new Map(SIM_STOCKS.map((s) => [s.symbol, s.sector]));

/**
 * Real history behind the market-data port, as known at the injected clock's instant (never
 * later data). Bars come out exactly as they are in the files. Option prices are REAL where the
 * folder has traded rows for that day's close (outside the session), else MODELLED by
 * Black-Scholes at India VIX. Feeds the folder lacks reject with BrokerError REJECTED.
 */
export class HistoricalReplay implements MarketDataPort {
  readonly data: ReplayData;
  readonly calendar: NseCalendar;
  readonly events: EventsCalendar;
  private readonly rate: number;
  private readonly dividendYield: number;
  private readonly skew: SkewParams;

  constructor(
    options: HistoricalReplayOptions,
    private readonly clock: Clock,
  ) {
    const folder = options.dataFolder ?? findDefaultDataFolder();
    if (!folder) throw new DomainError('INVALID_ARGUMENT', 'no data folder: pass dataFolder (the layout of ../shared/data/)');
    this.calendar = options.calendar ?? createDefaultNseCalendar();
    this.data = new ReplayData(folder, this.calendar);
    this.rate = options.rate ?? 0.065;
    this.dividendYield = options.dividendYield ?? 0.012;
    this.skew = options.skew ?? FLAT_SKEW;
    this.events = new EventsCalendar(options.events ? null : createPrng(options.eventsSeed ?? 1), options.events ?? []);
  }

  private asOf(): AsOf {
    return new AsOf(this.clock.nowMs(), this.calendar);
  }

  private daily(symbol: string) {
    const s = this.data.series(symbol, '1d');
    if (!s || s.bars.length === 0) throw new BrokerError('REJECTED', `the data folder has no daily history of ${symbol}`);
    return s;
  }

  private price(symbol: string, at: AsOf): number {
    const p = at.lastPrice(this.daily(symbol), this.data.series(symbol, '15m'));
    if (p === null) throw new BrokerError('REJECTED', `no ${symbol} price is known at ${at.date}`);
    return p;
  }

  async quote(target: QuoteTarget): Promise<MarketQuote> {
    const symbol = quoteNameOf(target);
    const at = this.asOf();
    const name = symbol.trim().toUpperCase() === 'NIFTY' ? 'NIFTY 50' : symbol.trim().toUpperCase();
    const contract = parseContractSymbol(name);
    if (contract?.kind === 'FUT') return this.futuresQuote(contract);
    if (contract?.kind === 'OPT') {
      const row = (await this.optionChain(contract)).strikes.find((r) => r.strike === contract.strike);
      const side = contract.optionType === 'CE' ? row?.call : row?.put;
      if (!side) throw new BrokerError('REJECTED', `no ${symbol} in the replayed chain`);
      return { symbol: name, lastPrice: side.lastPrice, volume: side.volume, openInterest: side.openInterest, asOfMs: at.ms };
    }
    if (this.data.series(name, '1d')) {
      return { symbol: name, lastPrice: this.price(name, at), previousClose: at.previousClose(this.daily(name)) ?? undefined, asOfMs: at.ms };
    }
    const stock = this.stockDay(name, at);
    if (stock) return { symbol: name, lastPrice: stock.price, previousClose: stock.prevClose, volume: stock.volume, asOfMs: at.ms };
    throw new BrokerError('REJECTED', `the replay has no instrument ${symbol}`);
  }

  private stockDay(symbol: string, at: AsOf): { price: number; prevClose: number; volume?: number } | null {
    const days = this.data.stockDays();
    for (let d = at.date, i = 0; i < 10; d = this.calendar.previousTradingDay(d), i++) {
      const row = days.get(d)?.find((s) => s.symbol === symbol);
      if (!row) continue;
      if (at.dayKnown(d)) return { price: row.bar.close, prevClose: row.prevClose, volume: row.bar.volume };
      if (d === at.date && at.ms >= at.openMs(d)) return { price: row.bar.open, prevClose: row.prevClose };
    }
    return null;
  }

  async futuresQuote(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesQuote> {
    assertNiftyOptions(request.underlying);
    const at = this.asOf();
    if (!listedFuturesExpiries({ calendar: this.calendar, date: at.date }).includes(request.expiry)) {
      throw new BrokerError('REJECTED', `no NIFTY future expiring ${request.expiry} is listed on ${at.date}`);
    }
    const spot = this.price('NIFTY 50', at);
    const close = this.calendar.sessionFor(request.expiry)?.close ?? '15:30';
    const lastPrice = Math.round(fairFuturesPrice(spot, yearsToExpiry(at.ms, request.expiry, close), this.rate, this.dividendYield) * 20) / 20;
    return { symbol: `NIFTY-${request.expiry}-FUT`, underlying: 'NIFTY', expiry: request.expiry, lastPrice, basis: round2(lastPrice - spot), asOfMs: at.ms, source: 'MODELLED' };
  }

  async optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot> {
    assertNiftyOptions(request.underlying);
    const at = this.asOf();
    const inSession = this.calendar.isTradingDay(at.date) && at.ms >= at.openMs(at.date) && !at.dayKnown(at.date);
    // Real rows are end-of-day records: used from a day's close until the next session opens.
    const eodDate = at.dayKnown(at.date) ? at.date : this.calendar.previousTradingDay(at.date);
    const rows = inSession ? [] : (this.data.optionRows().get(eodDate) ?? []);
    const listed = listedOptionExpiries({ calendar: this.calendar, date: this.calendar.isTradingDay(at.date) ? at.date : this.calendar.nextTradingDay(at.date) });
    if (!listed.includes(request.expiry) && !rows.some((r) => r.expiry === request.expiry)) {
      throw new BrokerError('REJECTED', `no NIFTY option expiry ${request.expiry} is listed at ${at.date}`);
    }
    const spot = rows.find((r) => r.underlyingValue !== undefined)?.underlyingValue ?? this.price('NIFTY 50', at);
    const close = this.calendar.sessionFor(request.expiry)?.close ?? '15:30';
    return replayChain(
      {
        expiry: request.expiry,
        spot,
        asOfMs: at.ms,
        years: yearsToExpiry(at.ms, request.expiry, close),
        rate: this.rate,
        dividendYield: this.dividendYield,
        atmVol: this.price('INDIA VIX', at) / 100,
        skew: this.skew,
        strikes: listedStrikes(at.previousClose(this.daily('NIFTY 50')) ?? spot, 50, 50),
      },
      rows,
    );
  }

  async historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    const at = this.asOf();
    const name = request.symbol.trim().toUpperCase() === 'NIFTY' ? 'NIFTY 50' : request.symbol.trim().toUpperCase();
    if (request.interval === '1d' && !this.data.series(name, '1d')) {
      const bars: PriceBar[] = [];
      for (const [date, days] of this.data.stockDays()) {
        const row = date >= request.from && date <= request.to && at.dayKnown(date) ? days.find((d) => d.symbol === name) : undefined;
        if (row) bars.push(row.bar);
      }
      if (bars.length > 0) return bars.sort((a, b) => (a.date < b.date ? -1 : 1));
    }
    const series = request.interval === '1h' ? null : this.data.series(name, request.interval);
    if (!series) throw new BrokerError('REJECTED', `the data folder has no ${request.interval} bars of ${request.symbol}`);
    if (request.interval === '1d') return at.daily(series, request.from, request.to);
    return at.intraday(series, REPLAY_INTERVAL_MS[request.interval as keyof typeof REPLAY_INTERVAL_MS], request.from, request.to);
  }

  async vix(): Promise<{ readonly value: number; readonly asOfMs: number }> {
    const at = this.asOf();
    return { value: this.price('INDIA VIX', at), asOfMs: at.ms };
  }

  /** US closes dated before the cursor's IST date (they finish overnight, IST). GIFT Nifty: no real history exists, so absent. */
  async globalCues(): Promise<GlobalCues> {
    const at = this.asOf();
    const indices: { name: string; changePct: number }[] = [];
    for (const name of ['NASDAQ', 'DOW JONES', 'S&P 500']) {
      const s = this.data.series(name, '1d');
      const last = s?.lastBefore(at.date);
      const prev = last && s?.lastBefore(last.date);
      if (last && prev) indices.push({ name, changePct: round2((last.close / prev.close - 1) * 100) });
    }
    return { indices, asOfMs: at.ms };
  }

  async sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]> {
    const at = this.asOf();
    const moves: SectorMove[] = [];
    for (const index of Object.keys(DATA_LAYOUT.sectors)) {
      const s = this.data.series(index, '1d');
      const known = s ? s.between('1990-01-01', date).filter((b) => at.dayKnown(b.date)) : [];
      if (known.length < 22 || known[known.length - 1].date !== date) continue;
      moves.push({ sector: SECTOR_OF_INDEX.get(index) ?? index, index, ...periodChanges(known.slice(-22).map((b) => b.close), index) });
    }
    return moves;
  }

  /** Ranked by traded value from the equity bhavcopy; futures OI is not in that file, so absent. */
  async liquidFnoStocks(request: { readonly date: IsoDate; readonly limit?: number }): Promise<readonly FnoStockSnapshot[]> {
    const at = this.asOf();
    if (!at.dayKnown(request.date)) throw new BrokerError('REJECTED', `${request.date} has not closed at the replay cursor`);
    const days = this.data.stockDays().get(request.date) ?? [];
    return [...days]
      .sort((a, b) => b.turnoverRupees - a.turnoverRupees)
      .slice(0, request.limit ?? 50)
      .map((d) => ({ symbol: d.symbol, sector: SECTOR_OF_STOCK.get(d.symbol) ?? 'OTHER', lastPrice: d.bar.close, changePct: (d.bar.close / d.prevClose - 1) * 100, turnoverRupees: d.turnoverRupees }));
  }

  async economicEvents(request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]> {
    return this.events.between(request.from, request.to);
  }

  async instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]> {
    const reference = this.daily('NIFTY 50').lastBefore(date)?.close;
    if (reference === undefined) throw new BrokerError('REJECTED', `no NIFTY close before ${date} to list strikes around`);
    return buildInstrumentMaster({ calendar: this.calendar, date, referenceSpot: reference });
  }
}
