import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ChainFuturesResponse, ChainSummaryResponse } from '@mcube/contracts';
import { addDays, atmSummary, dailyAtmIvs, istDateTimeOf, ivPercentile, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { Repository } from 'typeorm';
import { OptionChainRow } from '../entities/option-chain.entity';
import { MARKET_DATA, NSE_CALENDAR } from '../source/market-data.tokens';
import { chainYears, type ChainView } from './chain-view';
import { listedExpiries } from './listed-expiries';

/** Stored rows within this many points of their snapshot's spot are read for the ATM IV history. */
const NEAR_MONEY_POINTS = 100;
/** How far back the IV percentile looks. */
const HISTORY_DAYS = 365;

/**
 * The chain's summary: ATM IV, straddle and 1σ expected move (the domain's `atmSummary`), the
 * IV percentile against the ATM IV of each past day in the stored chain snapshots (the
 * five-minute job's `option_chain_rows`, before today), and the near-month future with its basis.
 */
@Injectable()
export class ChainSummaryService {
  private readonly logger = new Logger(ChainSummaryService.name);

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @InjectRepository(OptionChainRow) private readonly rows: Repository<OptionChainRow>,
  ) {}

  async summarise(view: ChainView): Promise<ChainSummaryResponse> {
    const atm = atmSummary({
      rows: view.rows.map((r) => ({ strike: r.strike, callPrice: r.call?.lastPrice ?? null, putPrice: r.put?.lastPrice ?? null, callIv: r.call?.iv ?? null, putIv: r.put?.iv ?? null })),
      spot: view.spot,
      years: chainYears(view, this.calendar),
    });
    const history = atm?.atmIv != null ? await this.pastAtmIvs(view.underlying, view.asOfMs) : [];
    return {
      atmStrike: atm?.atmStrike ?? null,
      atmIv: atm?.atmIv ?? null,
      ivPercentile: atm?.atmIv != null ? ivPercentile(atm.atmIv, history) : null,
      ivHistoryDays: history.length,
      straddlePrice: atm?.straddlePrice ?? null,
      expectedMovePoints: atm?.expectedMovePoints ?? null,
      expectedMovePct: atm?.expectedMovePct ?? null,
      futures: await this.futures(view.underlying, view.asOfMs),
    };
  }

  /** One ATM IV per past IST day (today excluded) from the stored snapshots of the last year. */
  private async pastAtmIvs(underlying: string, asOfMs: number): Promise<number[]> {
    const today = istDateTimeOf(asOfMs).date;
    const from = new Date(asOfMs - HISTORY_DAYS * 86_400_000);
    const stored = await this.rows
      .createQueryBuilder('r')
      .select(['r.snapshotAt', 'r.strike', 'r.underlyingPrice', 'r.iv'])
      .where('r.underlying = :underlying', { underlying })
      .andWhere('r.snapshotAt >= :from AND r.snapshotAt < :to', { from, to: new Date(asOfMs) })
      .andWhere('r.iv IS NOT NULL AND r.underlyingPrice IS NOT NULL')
      .andWhere('ABS(r.strike - r.underlyingPrice) <= :band', { band: NEAR_MONEY_POINTS })
      .getMany();
    return dailyAtmIvs(stored.map((r) => ({ snapshotAtMs: r.snapshotAt.getTime(), strike: r.strike, underlyingPrice: r.underlyingPrice as number, iv: r.iv as number })))
      .filter((d) => d.date < today)
      .map((d) => d.atmIv);
  }

  /** The near-month future and its basis; null when the source has none (logged, the chain still serves). */
  private async futures(underlying: string, asOfMs: number): Promise<ChainFuturesResponse | null> {
    const today = istDateTimeOf(asOfMs).date;
    const expiry = listedExpiries(this.calendar, underlying, today).monthly[0] ?? null;
    if (!expiry || expiry > addDays(today, 100)) return null;
    try {
      const q = await this.market.futuresQuote({ underlying, expiry });
      return { expiry, price: q.lastPrice, basis: Math.round(q.basis * 100) / 100 };
    } catch (error) {
      this.logger.warn(`no ${underlying} future for ${expiry}: ${(error as Error).message}`);
      return null;
    }
  }
}
