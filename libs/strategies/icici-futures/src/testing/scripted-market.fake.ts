import { BrokerError, type IsoDate, type NseCalendar, type PriceBar } from '@mcube/domain';
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

/** One scripted underlying. */
export interface ScriptedUnderlying {
  readonly bars: readonly PriceBar[];
  readonly lotSize: number;
  /** Traded value in every session of the look-back, rupees (0: not traded). */
  readonly tradedValueRupees: number;
  futuresOi: Sourced<FuturesOiReading>;
  options: Sourced<OptionsOiReading>;
  /** Price now; tests move it. */
  price: number;
  /** Listed futures expiries (default: the market's). */
  readonly expiries?: readonly IsoDate[];
}

export const unavailable = (reason: string) => ({ available: false as const, reason });
export const real = <T>(value: T) => ({ available: true as const, value, source: 'REAL' as const });

/**
 * A FuturesMarketPort from a script: underlyings with bars, OI, option chains and a price;
 * sector performances by index; sessions the source lacks; underlyings whose calls fail.
 */
export class ScriptedFuturesMarket implements FuturesMarketPort {
  readonly underlyings = new Map<string, ScriptedUnderlying>();
  readonly sectors = new Map<string, Sourced<SectorPerformanceReading>>();
  readonly missingSessions = new Set<IsoDate>();
  readonly failing = new Set<string>();
  /** A one-tick touch around the price, or just a last price. */
  twoSided = true;

  constructor(
    private readonly calendar: NseCalendar,
    public expiries: readonly IsoDate[],
  ) {}

  add(symbol: string, u: ScriptedUnderlying): this {
    this.underlyings.set(symbol, u);
    return this;
  }

  private get(symbol: string): ScriptedUnderlying {
    if (this.failing.has(symbol)) throw new BrokerError('TEMPORARY', `feed down for ${symbol}`);
    const u = this.underlyings.get(symbol);
    if (!u) throw new BrokerError('REJECTED', `no ${symbol}`);
    return u;
  }

  async futuresContracts(_date: IsoDate): Promise<readonly FuturesContractInfo[]> {
    return [...this.underlyings.entries()].flatMap(([underlying, u]) =>
      (u.expiries ?? this.expiries).map((expiry) => ({ underlying, expiry, lotSize: u.lotSize, tickSize: 0.05, tradingSymbol: `${underlying}-${expiry}-FUT` })),
    );
  }

  async sessionLiquidity(date: IsoDate): Promise<readonly SessionLiquidity[]> {
    if (this.missingSessions.has(date)) throw new BrokerError('REJECTED', `no liquidity for ${date}`);
    if (!this.calendar.isTradingDay(date)) return [];
    return [...this.underlyings.entries()].map(([symbol, u]) => ({ symbol, tradedValueRupees: u.tradedValueRupees }));
  }

  async dailyBars(request: { readonly symbol: string; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    const key = request.symbol === 'NIFTY 50' ? 'NIFTY' : request.symbol === 'NIFTY BANK' ? 'BANKNIFTY' : request.symbol;
    return this.get(key).bars.filter((b) => b.date >= request.from && b.date <= request.to);
  }

  async futuresOpenInterest(request: { readonly underlying: string }): Promise<Sourced<FuturesOiReading>> {
    return this.get(request.underlying).futuresOi;
  }

  async optionsOpenInterest(request: { readonly underlying: string }): Promise<Sourced<OptionsOiReading>> {
    return this.get(request.underlying).options;
  }

  async sectorPerformance(request: { readonly index: string; readonly date: IsoDate }): Promise<Sourced<SectorPerformanceReading>> {
    return this.sectors.get(request.index) ?? unavailable(`no ${request.index}`);
  }

  async futuresTouch(request: { readonly underlying: string }): Promise<FuturesTouch> {
    const { price } = this.get(request.underlying);
    const r = (v: number) => Math.round(v * 100) / 100;
    return this.twoSided ? { lastPrice: price, bid: r(price - 0.05), ask: r(price + 0.05), asOfMs: 0, source: 'REAL' } : { lastPrice: price, asOfMs: 0, source: 'REAL' };
  }
}
