import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clock, MarketDataPort, NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { MarketData } from '../entities/market-data.entity';
import { BAR_KEY, BAR_VALUES } from '../persistence/bar-columns';
import { upsertRows } from '../persistence/upsert-rows';
import { isMarketInSession } from '../market/market-session';
import { MARKET_DATA, MARKET_SOURCE_KIND, NSE_CALENDAR } from '../source/market-data.tokens';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** What the snapshot persisted, or why it did nothing. */
export interface SnapshotOutcome {
  written: number;
  skipped?: 'MARKET_CLOSED';
  /** Symbols the source could not quote (logged, not fatal). */
  failed: string[];
}

/** Indices snapshotted every minute. */
export const SNAPSHOT_SYMBOLS = ['NIFTY 50', 'INDIA VIX'] as const;

const toHundredths = (price: number) => Math.round(price * 100);

/**
 * The one-minute market-data job: while NSE is in session (market clock, IST calendar) it
 * stores the last price of each index as the '1m' bar of the current minute (OHLC = that
 * snapshot price, prices in hundredths), replacing a bar of the same minute. Outside the
 * session it writes nothing.
 */
@Injectable()
export class QuoteSnapshotService {
  private readonly logger = new Logger(QuoteSnapshotService.name);

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(MARKET_SOURCE_KIND) private readonly sourceKind: string,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Runs the job once at the market clock's now. */
  async run(): Promise<SnapshotOutcome> {
    const now = this.clock.nowMs();
    if (!isMarketInSession(this.calendar, now)) return { written: 0, skipped: 'MARKET_CLOSED', failed: [] };
    const barStart = new Date(Math.floor(now / 60_000) * 60_000);
    const rows: Partial<MarketData>[] = [];
    const failed: string[] = [];
    for (const symbol of SNAPSHOT_SYMBOLS) {
      try {
        const q = await this.market.quote(symbol);
        const p = toHundredths(q.lastPrice);
        rows.push({ symbol: q.symbol, interval: '1m', barStart, openPaise: p, highPaise: p, lowPaise: p, closePaise: p, volume: 0, openInterest: q.openInterest ?? null, source: this.sourceKind });
      } catch (error) {
        failed.push(symbol);
        this.logger.warn({ symbol, err: error instanceof Error ? error.message : String(error) }, 'quote snapshot failed');
      }
    }
    if (rows.length > 0) {
      await inTransaction(this.dataSource, (m) => upsertRows({ manager: m, entity: MarketData, rows, conflictColumns: BAR_KEY, updateColumns: BAR_VALUES }));
    }
    return { written: rows.length, failed };
  }
}
