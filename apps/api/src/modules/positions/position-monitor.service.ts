import { Inject, Injectable } from '@nestjs/common';
import { markPosition, paiseOfPrice, type Clock, type NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppEventsBus } from '../core/events/app-events.bus';
import { ContractQuotes } from '../data/market/contract-quotes';
import { NSE_CALENDAR } from '../data/source/market-data.tokens';
import { CircuitBreakerTripService, type BreakerEvaluation } from '../risk/breaker/circuit-breaker-trip.service';
import { MonitorLog } from './entities/monitor-log.entity';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';
import { legGreeks, spotSymbolOf } from './leg-greeks';
import { legInstrumentOf, legStateOf, positionStateOf } from './position-state';
import { positionUpdatedEvent } from './position-updated-event';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** A MARK row in the monitor log at most this often per position. */
export const MARK_LOG_EVERY_MS = 60_000;

/** One marked position. */
export interface MarkedPosition {
  readonly positionId: number;
  readonly accountId: number;
  readonly unrealizedPnlPaise: number;
  readonly spot: number | null;
  readonly netDelta: number | null;
}

/**
 * Marks every ACTIVE position from the market: each open leg's last price, unrealised P&L in
 * paise and net delta (Black-Scholes from the marks and the spot) on the position, a MARK
 * monitor-log row (spot, net delta, P&L) per position at most once a minute, and a
 * `position.updated` event per position. A leg without a quote keeps its previous mark. No
 * timer of its own: the `positions.monitor` job (every 5 s in session) calls `markAll`; the
 * circuit breakers are the `risk.circuit-breakers` job's, and `tick` (mark, then evaluate
 * each account's breaker) remains for callers that want both in one pass.
 */
@Injectable()
export class PositionMonitorService {
  private readonly lastLogMs = new Map<number, number>();
  private running: Promise<MarkedPosition[]> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly quotes: ContractQuotes,
    private readonly breaker: CircuitBreakerTripService,
    /** The one stored calendar of the process (the data module's). */
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    private readonly bus: AppEventsBus,
  ) {}

  /** One marking pass over the ACTIVE positions (a pass already running is joined, not doubled). */
  markAll(): Promise<MarkedPosition[]> {
    this.running ??= this.markActive().finally(() => (this.running = null));
    return this.running;
  }

  /** Marks, then evaluates the breaker of each account with an active position. */
  async tick(): Promise<BreakerEvaluation[]> {
    const marked = await this.markAll();
    const out: BreakerEvaluation[] = [];
    for (const p of marked) out.push(await this.breaker.evaluate(p.accountId));
    return out;
  }

  private async markActive(): Promise<MarkedPosition[]> {
    const active = await this.dataSource.getRepository(Position).find({ where: { status: 'ACTIVE' }, order: { id: 'ASC' } });
    const out: MarkedPosition[] = [];
    for (const position of active) out.push(await this.mark(position));
    return out;
  }

  private async mark(position: Position): Promise<MarkedPosition> {
    const legRepo = this.dataSource.getRepository(PositionLeg);
    const legs = await legRepo.find({ where: { positionId: position.id }, order: { id: 'ASC' } });
    const open = legs.filter((l) => l.status === 'OPEN' && l.quantity > 0);
    // Keyed by row id: the marks go back to exactly the rows they were read for.
    const keyOf = (l: PositionLeg) => `leg#${l.id}`;
    const marks = new Map<string, number>();
    for (const leg of open) {
      const quote = await this.quotes.ofContract(legInstrumentOf(leg), position.accountId).catch(() => undefined);
      if (quote && quote.lastPrice > 0) marks.set(keyOf(leg), paiseOfPrice(quote.lastPrice));
    }
    // The domain's mark-to-market: a leg without a quote keeps its previous mark.
    const unrealized = markPosition(positionStateOf(position, legs.map((l) => legStateOf(l, { legKey: keyOf(l) }))), marks).unrealizedPnlPaise;
    for (const leg of open) {
      const mark = marks.get(keyOf(leg));
      if (mark === undefined) continue;
      leg.lastPricePaise = mark;
      await legRepo.update(leg.id, { lastPricePaise: mark });
    }
    const now = this.clock.nowMs();
    const spotQuote = await this.quotes.ofSymbol(spotSymbolOf(position.underlying)).catch(() => undefined);
    const spot = spotQuote && spotQuote.lastPrice > 0 ? spotQuote.lastPrice : null;
    const options = open.filter((l) => l.instrumentType !== 'FUT' && l.strike !== null);
    const { netDelta } = legGreeks({
      legs: options.map((l) => ({ optionType: l.instrumentType as 'CE' | 'PE', strike: l.strike as number, signedQuantity: l.side === 'SELL' ? -l.quantity : l.quantity, lastPrice: l.lastPricePaise === null ? null : l.lastPricePaise / 100 })),
      spot,
      expiry: position.expiryDate,
      nowMs: now,
      calendar: this.calendar,
    });
    position.unrealizedPnlPaise = unrealized;
    // Only while still ACTIVE: a fill may have closed it since it was read, and a closed
    // position keeps the zero unrealised P&L (and the console its CLOSED state) it closed with.
    const marked = await this.dataSource
      .getRepository(Position)
      .update({ id: position.id, status: 'ACTIVE' }, { unrealizedPnlPaise: unrealized, ...(netDelta !== null ? { currentDelta: netDelta } : {}) });
    if (marked.affected === 0) return { positionId: position.id, accountId: position.accountId, unrealizedPnlPaise: 0, spot, netDelta: null };
    if (now - (this.lastLogMs.get(position.id) ?? -Infinity) >= MARK_LOG_EVERY_MS) {
      this.lastLogMs.set(position.id, now);
      await this.dataSource.getRepository(MonitorLog).insert({
        positionId: position.id,
        checkType: 'MARK',
        message: `marked ${open.length} leg(s): unrealised ${unrealized} paise`,
        unrealizedPnlPaise: unrealized,
        underlyingPrice: spot,
        netDelta,
        details: { realizedPnlPaise: position.realizedPnlPaise, legs: open.map((l) => ({ symbol: l.tradingSymbol, lastPricePaise: l.lastPricePaise })) },
        occurredAt: new Date(now),
      });
    }
    this.bus.publish('position.updated', positionUpdatedEvent(position, legs, netDelta, now));
    return { positionId: position.id, accountId: position.accountId, unrealizedPnlPaise: unrealized, spot, netDelta };
  }
}
