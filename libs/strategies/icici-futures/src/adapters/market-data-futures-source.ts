import { addDays, BrokerError, daysBetween, DomainError, istDateTimeOf, type Clock, type FuturesQuote, type IsoDate, type MarketDataPort, type NseCalendar, type PriceBar } from '@mcube/domain';
import type {
  FuturesContractInfo,
  FuturesMarketPort,
  FuturesOiReading,
  FuturesTouch,
  OptionsOiReading,
  SectorPerformanceReading,
  SessionLiquidity,
  Sourced,
} from '../ports/futures-market.port';
import { INDEX_UNDERLYINGS } from '../universe/sector-map.data';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const unavailable = (reason: string) => ({ available: false as const, reason });
/** A REJECTED BrokerError is the port's "this source has no such feed"; anything else is a failure. */
const isMissingFeed = (e: unknown) => e instanceof BrokerError && e.kind === 'REJECTED';

/** Options of the adapter. */
export interface MarketDataFuturesSourceOptions {
  /** Carry of a modelled stock future: continuous rate and dividend yield (default 0.065, 0.012). */
  readonly rate?: number;
  readonly dividendYield?: number;
}

/**
 * The futures strategy's market port over the domain's `MarketDataPort` (the simulator, the
 * historical replay, live feeds). What each source lacks is reported, never invented:
 * - futures OI: stocks from `liquidFnoStocks` (OI and its change; the simulator has them, the
 *   replay does not); index futures from `futuresQuote` of every listed month, summed (the
 *   cumulative OI, so the monthly roll from near to next month is no buildup), when each quote
 *   gives its previous-day OI (the simulator does; a source without it → unavailable);
 * - option chains (PCR): whatever `optionChain` lists (NIFTY in the simulator and the replay),
 *   the nearest listed expiry; stocks → unavailable;
 * - sector performance: `sectorPerformance`, else computed from the index's daily closes;
 * - a stock future's price: `futuresQuote` when the source lists it, else the underlying's last
 *   price carried to expiry (cost of carry), marked MODELLED with a one-tick touch.
 */
export class MarketDataFuturesSource implements FuturesMarketPort {
  private readonly rate: number;
  private readonly dividendYield: number;

  constructor(
    private readonly market: MarketDataPort,
    private readonly calendar: NseCalendar,
    private readonly clock: Clock,
    options: MarketDataFuturesSourceOptions = {},
  ) {
    this.rate = options.rate ?? 0.065;
    this.dividendYield = options.dividendYield ?? 0.012;
  }

  async futuresContracts(date: IsoDate): Promise<readonly FuturesContractInfo[]> {
    const master = await this.market.instruments(date);
    return master
      .filter((r) => r.kind === 'FUT')
      .map((r) => ({ underlying: r.underlying, expiry: r.expiry, lotSize: r.lotSize, tickSize: r.tickSize, tradingSymbol: r.tradingSymbol ?? `${r.underlying}-${r.expiry}-FUT` }));
  }

  async sessionLiquidity(date: IsoDate): Promise<readonly SessionLiquidity[]> {
    const rows = await this.market.liquidFnoStocks({ date, limit: 10_000 });
    return rows.filter((r) => r.turnoverRupees !== undefined).map((r) => ({ symbol: r.symbol, tradedValueRupees: r.turnoverRupees as number }));
  }

  async dailyBars(request: { readonly symbol: string; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    return this.market.historyBars({ symbol: request.symbol, interval: '1d', from: request.from, to: request.to });
  }

  async futuresOpenInterest(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<Sourced<FuturesOiReading>> {
    if (INDEX_UNDERLYINGS[request.underlying]) return this.indexFuturesOpenInterest(request);
    const { date } = this.today();
    const rows = await this.market.liquidFnoStocks({ date, limit: 10_000 });
    const row = rows.find((r) => r.symbol === request.underlying);
    if (!row) return unavailable(`no ${request.underlying} row on ${date}`);
    if (row.futuresOpenInterest === undefined || row.futuresOiChangePct === undefined) return unavailable(`the source has no futures OI of ${request.underlying}`);
    const prevOi = row.futuresOpenInterest / (1 + row.futuresOiChangePct / 100);
    const prevClose = row.lastPrice / (1 + row.changePct / 100);
    if (!(prevOi > 0) || !(prevClose > 0)) return unavailable(`no previous OI or close of ${request.underlying}`);
    return { available: true, source: 'MODELLED', value: { oi: row.futuresOpenInterest, prevOi, ltp: row.lastPrice, prevClose } };
  }

  /** Cumulative OI of an index's listed futures now and at the previous close, with the requested contract's price. */
  private async indexFuturesOpenInterest(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<Sourced<FuturesOiReading>> {
    const { date } = this.today();
    const expiries = (await this.futuresContracts(date)).filter((c) => c.underlying === request.underlying).map((c) => c.expiry);
    if (!expiries.includes(request.expiry)) return unavailable(`no ${request.underlying} future expiring ${request.expiry} is listed on ${date}`);
    let quotes: FuturesQuote[];
    try {
      quotes = await Promise.all(expiries.map((expiry) => this.market.futuresQuote({ underlying: request.underlying, expiry })));
    } catch (e) {
      if (isMissingFeed(e)) return unavailable(messageOf(e));
      throw e;
    }
    if (quotes.some((q) => q.openInterest === undefined || q.previousOpenInterest === undefined)) return unavailable(`the source gives no previous-day OI of ${request.underlying} futures`);
    const oi = quotes.reduce((a, q) => a + (q.openInterest as number), 0);
    const prevOi = quotes.reduce((a, q) => a + (q.previousOpenInterest as number), 0);
    const quote = quotes[expiries.indexOf(request.expiry)];
    if (!(prevOi > 0) || !(quote.previousClose !== undefined && quote.previousClose > 0)) return unavailable(`no previous OI or close of ${request.underlying} futures`);
    const source = quotes.every((q) => q.source === 'REAL') ? 'REAL' : 'MODELLED';
    return { available: true, source, value: { oi, prevOi, ltp: quote.lastPrice, prevClose: quote.previousClose } };
  }

  async optionsOpenInterest(request: { readonly underlying: string; readonly date: IsoDate }): Promise<Sourced<OptionsOiReading>> {
    let expiries: IsoDate[];
    try {
      expiries = this.calendar.weeklyExpiries(request.underlying, request.date, addDays(request.date, 45));
    } catch (e) {
      // The calendar carries expiry rules for index options only: a stock's chain is not known here.
      if (e instanceof DomainError) return unavailable(`no option expiries of ${request.underlying}: ${e.message}`);
      throw e;
    }
    if (expiries.length === 0) return unavailable(`no listed ${request.underlying} option expiry`);
    try {
      const chain = await this.market.optionChain({ underlying: request.underlying, expiry: expiries[0] });
      const calls = chain.strikes.map((s) => ({ strike: s.strike, oi: s.call?.openInterest ?? 0 }));
      const puts = chain.strikes.map((s) => ({ strike: s.strike, oi: s.put?.openInterest ?? 0 }));
      if (!calls.some((c) => c.oi > 0)) return unavailable(`the ${request.underlying} chain of ${expiries[0]} carries no call OI`);
      const real = chain.strikes.some((s) => s.call?.source === 'REAL' || s.put?.source === 'REAL');
      return { available: true, source: real ? 'REAL' : 'MODELLED', value: { expiry: chain.expiry, calls, puts } };
    } catch (e) {
      if (isMissingFeed(e)) return unavailable(messageOf(e));
      throw e;
    }
  }

  async sectorPerformance(request: { readonly index: string; readonly date: IsoDate }): Promise<Sourced<SectorPerformanceReading>> {
    const moves = await this.market.sectorPerformance(request.date).catch((e) => (isMissingFeed(e) ? [] : Promise.reject(e)));
    const move = moves.find((m) => m.index === request.index);
    if (move) return { available: true, source: 'REAL', value: { asOfDate: request.date, perf3d: move.perf3dPct, perf7d: move.perf7dPct, perf21d: move.perf21dPct } };
    let bars: readonly PriceBar[];
    try {
      bars = (await this.dailyBars({ symbol: request.index, from: addDays(request.date, -60), to: request.date })).filter((b) => b.date <= request.date);
    } catch (e) {
      if (isMissingFeed(e)) return unavailable(`no ${request.index} history: ${messageOf(e)}`);
      throw e;
    }
    if (bars.length < 22 || bars[bars.length - 1].date !== request.date) return unavailable(`${request.index} has ${bars.length} closes to ${request.date}, 22 ending that day are needed`);
    const closes = bars.slice(-22).map((b) => b.close);
    const lastClose = closes[21];
    const pct = (n: number) => (lastClose / closes[21 - n] - 1) * 100;
    return { available: true, source: 'REAL', value: { asOfDate: request.date, perf3d: pct(3), perf7d: pct(7), perf21d: pct(21) } };
  }

  async futuresTouch(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesTouch> {
    try {
      const q = await this.market.futuresQuote(request);
      return { lastPrice: q.lastPrice, bid: q.bid, ask: q.ask, asOfMs: q.asOfMs, source: q.source };
    } catch (e) {
      if (!isMissingFeed(e) || INDEX_UNDERLYINGS[request.underlying]) throw e;
    }
    const spot = await this.market.quote(request.underlying);
    const years = Math.max(0, daysBetween(this.today().date, request.expiry)) / 365;
    const fair = spot.lastPrice * Math.exp((this.rate - this.dividendYield) * years);
    const price = Math.round(fair * 20) / 20;
    return { lastPrice: price, bid: Math.round((price - 0.05) * 100) / 100, ask: Math.round((price + 0.05) * 100) / 100, asOfMs: spot.asOfMs, source: 'MODELLED' };
  }

  /** The market clock's IST date: "today" for OI and the carry of a modelled price. */
  private today(): { date: IsoDate } {
    return { date: istDateTimeOf(this.clock.nowMs()).date };
  }
}
