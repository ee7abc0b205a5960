import {
  BrokerError,
  compareDates,
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
import { parseContractSymbol } from '../instruments/contract-symbol';
import { buildInstrumentMaster } from '../instruments/instrument-master';
import { periodChanges } from '../sector-performance';
import type { BarRecorder } from './bar-recorder';
import type { EventsCalendar } from './events-calendar';
import { indexFuturesLotSize } from './index-futures.data';
import { MarketEngine, type SimTick } from './market-engine';
import { resolveSimConfig } from './resolve-config';
import type { MarketSimConfig } from './sim-config';
import { referenceSpot, simFuturesQuote, simOptionChain } from './sim-derivatives';
import { stockSnapshot } from './stock-snapshot';

const INTERVAL_MS: Record<Exclude<BarInterval, '1d'>, number> = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000 };
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The embedded market: a seeded NSE-like simulator behind the market-data port. Time comes from
 * the injected clock: every port call first catches the market up to `clock.nowMs()` (real,
 * accelerated or a test's fixed clock); `step()` and `advanceTo()` move it explicitly. Port calls
 * reject with BrokerError REJECTED for unknown symbols or unlisted contracts, as a broker would.
 */
export class MarketSimulator implements MarketDataPort {
  private readonly engine: MarketEngine;
  private readonly chains = new Map<IsoDate, { timeMs: number; chain: OptionChainSnapshot }>();

  constructor(
    config: MarketSimConfig,
    private readonly clock: Clock,
  ) {
    this.engine = new MarketEngine(resolveSimConfig(config));
  }

  /** The editable economic events calendar. */
  get events(): EventsCalendar {
    return this.engine.events;
  }

  /** The current tick. */
  current(): SimTick {
    return this.engine.tick();
  }

  /** Moves to the next tick inside a session (skipping nights, weekends and holidays). */
  step(): SimTick {
    return this.engine.step();
  }

  /** Ticks up to `ms` (UTC epoch); returns how many ticks were taken. */
  advanceTo(ms: number): number {
    return this.engine.advanceTo(ms);
  }

  /** The NIFTY chain at the current tick, synchronously and without catching up with the clock (backtests, benchmarks). */
  chainNow(expiry: IsoDate): OptionChainSnapshot {
    return simOptionChain(this.engine, expiry);
  }

  private sync(): MarketEngine {
    const now = this.clock.nowMs();
    if (now > this.engine.timeMs) this.engine.advanceTo(now);
    return this.engine;
  }

  async quote(target: QuoteTarget): Promise<MarketQuote> {
    const symbol = quoteNameOf(target);
    const e = this.sync();
    const name = symbol.trim().toUpperCase();
    const asOfMs = e.timeMs;
    if (name === 'NIFTY 50' || name === 'NIFTY') return { symbol: 'NIFTY 50', lastPrice: round2(e.nifty.last), previousClose: round2(e.nifty.prevClose), volume: e.nifty.volume, asOfMs };
    if (name === 'INDIA VIX') return { symbol: 'INDIA VIX', lastPrice: round2(e.vix.last), previousClose: round2(e.vix.prevClose), asOfMs };
    const sector = e.sectors.find((s) => s.spec.index === name);
    if (sector) return { symbol: sector.spec.index, lastPrice: round2(sector.level), previousClose: round2(sector.prevClose), asOfMs };
    const stock = e.stocks.find((s) => s.spec.symbol === name);
    if (stock) {
      const snap = stockSnapshot(stock, e.progress());
      return { symbol: name, lastPrice: snap.lastPrice, previousClose: round2(stock.prevClose), volume: Math.round((snap.turnoverRupees ?? 0) / stock.price), asOfMs };
    }
    const contract = parseContractSymbol(name);
    if (contract?.kind === 'FUT') return simFuturesQuote(e, contract.underlying, contract.expiry);
    if (contract?.kind === 'OPT' && contract.strike !== undefined) {
      const row = simOptionChain(e, contract.expiry, contract.strike).strikes[0];
      const side = contract.optionType === 'CE' ? row.call : row.put;
      if (side) return { symbol: name, lastPrice: side.lastPrice, bid: side.bid, ask: side.ask, volume: side.volume, openInterest: side.openInterest, asOfMs };
    }
    throw new BrokerError('REJECTED', `the simulator has no instrument ${symbol}`);
  }

  async futuresQuote(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesQuote> {
    return simFuturesQuote(this.sync(), request.underlying, request.expiry);
  }

  async optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot> {
    if (request.underlying.trim().toUpperCase() !== 'NIFTY') throw new BrokerError('REJECTED', `the simulator lists options of NIFTY only, not ${request.underlying}`);
    const e = this.sync();
    // One chain per expiry per tick: the API asks for it on every request (issue 21).
    const cached = this.chains.get(request.expiry);
    if (cached && cached.timeMs === e.timeMs) return cached.chain;
    const chain = simOptionChain(e, request.expiry);
    if (this.chains.size >= 16) this.chains.clear();
    this.chains.set(request.expiry, { timeMs: e.timeMs, chain });
    return chain;
  }

  async historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    const e = this.sync();
    const bars = this.recorderOf(e, request.symbol);
    if (request.interval === '1d') return bars.dailyBars(request.from, request.to);
    const intervalMs = INTERVAL_MS[request.interval];
    const intraday = bars === e.niftyBars || bars === e.vixBars;
    if (!intraday || intervalMs === undefined || intervalMs % bars.baseMs !== 0) {
      throw new BrokerError('REJECTED', `the simulator has no ${request.interval} bars of ${request.symbol}`);
    }
    return bars.intradayBars(request.from, request.to, intervalMs);
  }

  private recorderOf(e: MarketEngine, symbol: string): BarRecorder {
    const name = symbol.trim().toUpperCase();
    const found = name === 'NIFTY 50' || name === 'NIFTY' ? e.niftyBars : name === 'INDIA VIX' ? e.vixBars : (e.sectorBars.get(name) ?? e.stockBars.get(name));
    if (!found) throw new BrokerError('REJECTED', `the simulator has no history of ${symbol}`);
    return found;
  }

  async vix(): Promise<{ readonly value: number; readonly asOfMs: number }> {
    const e = this.sync();
    return { value: round2(e.vix.last), asOfMs: e.timeMs };
  }

  async globalCues(): Promise<GlobalCues> {
    const e = this.sync();
    const c = e.cues;
    if (!c) return { indices: [], asOfMs: e.timeMs };
    return {
      giftNiftyChangePct: round2(c.giftNiftyChangePct),
      indices: [
        { name: 'NASDAQ', changePct: round2(c.nasdaqChangePct) },
        { name: 'DOW JONES', changePct: round2(c.dowChangePct) },
      ],
      asOfMs: c.asOfMs,
    };
  }

  async sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]> {
    const e = this.sync();
    const live = date === e.session.date && !e.dayClosed;
    if (compareDates(date, e.session.date) > 0) throw new BrokerError('REJECTED', `${date} has not been simulated yet (now ${e.session.date})`);
    return e.sectors.map((s) => {
      const closes = (e.sectorBars.get(s.spec.index) as BarRecorder).lastDailyBars(date, live ? 21 : 22).map((b) => b.close);
      if (live) closes.push(s.level);
      return { sector: s.spec.sector, index: s.spec.index, ...periodChanges(closes, s.spec.index) };
    });
  }

  async liquidFnoStocks(request: { readonly date: IsoDate; readonly limit?: number }): Promise<readonly FnoStockSnapshot[]> {
    const e = this.sync();
    const rows = request.date === e.session.date && !e.dayClosed ? e.stocks.map((s) => stockSnapshot(s, e.progress())) : e.stockDays.get(request.date);
    if (!rows) throw new BrokerError('REJECTED', `no simulated stock data for ${request.date}`);
    return [...rows].sort((a, b) => (b.turnoverRupees ?? 0) - (a.turnoverRupees ?? 0)).slice(0, request.limit ?? 50);
  }

  async economicEvents(request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]> {
    return this.engine.events.between(request.from, request.to);
  }

  async instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]> {
    const e = this.sync();
    return buildInstrumentMaster({
      calendar: e.cfg.calendar,
      date,
      referenceSpot: referenceSpot(e, date),
      strikesEachSide: e.cfg.strikesEachSide,
      indexFutures: e.indexFutures.filter((f) => f.spec.underlying !== 'NIFTY').map((f) => ({ underlying: f.spec.underlying, lotSizeOf: (expiry: IsoDate) => indexFuturesLotSize(f.spec, expiry) })),
      stocks: e.cfg.stocks.map((s) => ({ symbol: s.symbol, lotSize: s.lotSize })),
    });
  }
}
