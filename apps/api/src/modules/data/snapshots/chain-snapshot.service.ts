import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OptionSideResponse } from '@mcube/contracts';
import { istDateTimeOf, paiseOfPrice, type Clock, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { OptionChainRow } from '../entities/option-chain.entity';
import { upsertRows } from '../persistence/upsert-rows';
import { buildChainView, type ChainView } from '../market/chain-view';
import { listedExpiries, snapshotExpiries } from '../market/listed-expiries';
import { isMarketInSession } from '../market/market-session';
import { MARKET_DATA, MARKET_SOURCE_KIND, NSE_CALENDAR } from '../source/market-data.tokens';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { yieldToEventLoop } from '../../../common/concurrency/yield-to-event-loop';

/** What the chain job stored, per expiry, or why it did nothing. */
export interface ChainSnapshotOutcome {
  skipped?: 'MARKET_CLOSED';
  chains: { expiry: string; rows: number }[];
  failed: string[];
}

/** The underlying whose chains are snapshotted (the strangle's). */
export const CHAIN_UNDERLYING = 'NIFTY';

const CHAIN_ROW_KEY: (keyof OptionChainRow & string)[] = ['underlying', 'expiryDate', 'strike', 'optionType', 'snapshotAt'];
const CHAIN_ROW_VALUES: (keyof OptionChainRow & string)[] = ['underlyingPrice', 'ltpPaise', 'bidPaise', 'askPaise', 'volume', 'openInterest', 'openInterestChange', 'iv', 'delta', 'gamma', 'theta', 'vega', 'source'];

const paise = (rupees: number | null) => (rupees === null ? null : paiseOfPrice(rupees));

/**
 * The five-minute option-chain job: while NSE is in session (market clock, IST calendar) it
 * stores the NIFTY chain of the nearest expiry and the nearest monthly, every strike and side
 * with prices (paise), OI, OI change, IV and greeks, all rows of one snapshot in one
 * transaction, then publishes a `market.chain` summary. Outside the session it writes nothing.
 */
@Injectable()
export class ChainSnapshotService {
  private readonly logger = new Logger(ChainSnapshotService.name);

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(MARKET_SOURCE_KIND) private readonly sourceKind: string,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
  ) {}

  /** Runs the job once at the market clock's now. */
  async run(): Promise<ChainSnapshotOutcome> {
    const now = this.clock.nowMs();
    if (!isMarketInSession(this.calendar, now)) return { skipped: 'MARKET_CLOSED', chains: [], failed: [] };
    const expiries = snapshotExpiries(listedExpiries(this.calendar, CHAIN_UNDERLYING, istDateTimeOf(now).date));
    const outcome: ChainSnapshotOutcome = { chains: [], failed: [] };
    for (const expiry of expiries) {
      try {
        // Pricing a chain and storing it are each tens of ms of synchronous work: the event loop
        // (requests, ticks) runs between them and between expiries (issue 21).
        await yieldToEventLoop();
        const view = buildChainView(await this.market.optionChain({ underlying: CHAIN_UNDERLYING, expiry }), this.calendar);
        const rows = this.rowsOf(view);
        await yieldToEventLoop();
        await inTransaction(this.dataSource, async (m) => {
          for (let i = 0; i < rows.length; i += 250) {
            await upsertRows({ manager: m, entity: OptionChainRow, rows: rows.slice(i, i + 250), conflictColumns: CHAIN_ROW_KEY, updateColumns: CHAIN_ROW_VALUES });
          }
        });
        outcome.chains.push({ expiry, rows: rows.length });
        this.bus.publish('market.chain', { underlying: CHAIN_UNDERLYING, expiry, pcr: view.pcr, maxPain: view.maxPain, asOfMs: view.asOfMs });
      } catch (error) {
        outcome.failed.push(expiry);
        this.logger.warn({ expiry, err: error instanceof Error ? error.message : String(error) }, 'chain snapshot failed');
      }
    }
    return outcome;
  }

  private rowsOf(view: ChainView): Partial<OptionChainRow>[] {
    const snapshotAt = new Date(view.asOfMs);
    const out: Partial<OptionChainRow>[] = [];
    for (const r of view.rows) {
      for (const [optionType, s] of [['CE', r.call], ['PE', r.put]] as ['CE' | 'PE', OptionSideResponse | null][]) {
        if (!s) continue;
        out.push({
          underlying: CHAIN_UNDERLYING,
          expiryDate: view.expiry,
          strike: r.strike,
          optionType,
          snapshotAt,
          underlyingPrice: view.spot,
          ltpPaise: paise(s.lastPrice),
          bidPaise: paise(s.bid),
          askPaise: paise(s.ask),
          volume: s.volume ?? 0,
          openInterest: s.openInterest ?? 0,
          openInterestChange: s.openInterestChange,
          iv: s.iv,
          delta: s.delta,
          gamma: s.gamma,
          theta: s.theta,
          vega: s.vega,
          source: `${this.sourceKind}:${s.priceSource === 'REAL' ? 'real' : 'model'}`,
        });
      }
    }
    return out;
  }
}
