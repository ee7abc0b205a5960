import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { contractLotSize } from '../data/instruments/contract-terms';
import { paiseOfPrice, type BrokerTrade, type Clock } from '@mcube/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { CLOCK } from '../core/clock/clock.token';
import { MarketEventsBus } from '../data/snapshots/market-events.bus';
import { MonitorLog } from '../positions/entities/monitor-log.entity';
import { PositionLeg } from '../positions/entities/position-leg.entity';
import { Position } from '../positions/entities/position.entity';
import { positionUpdatedEvent } from '../positions/position-updated-event';
import { Execution } from './entities/execution.entity';
import { Order } from './entities/order.entity';
import { fillCharges } from './fill-charges';
import { applyOrderEventToRow, loadOrderForUpdate } from './order-journal';
import { closePositionIfFlat } from './position-slot';
import { InstrumentStore } from '../data/instruments/instrument-store.service';

/** What `ApplyFillService.apply` did with one trade. */
export type ApplyFillOutcome = 'APPLIED' | 'DUPLICATE' | 'UNKNOWN_ORDER';

/**
 * Applies one broker execution (trade) in ONE transaction: deduplicated by (broker,
 * executionId); the order moves through the domain state machine (quantities only from
 * fills); the execution keeps the charges the broker reported (paper: the domain cost model)
 * or, for a live fill (no charges per trade), the dated cost model's (`fillCharges`);
 * the position's leg grows (entry, averaging; the position's quantity follows the largest
 * leg, filled units only) or shrinks (exit) with realised P&L in paise,
 * the position's net of charges; the position closes once every leg is flat; a MonitorLog row records it.
 * A trade of an order mCube does not know is left to reconciliation (UNKNOWN_ORDER).
 * Throws DomainError ILLEGAL_TRANSITION for an overfill.
 */
@Injectable()
export class ApplyFillService {
  private readonly logger = new Logger('ApplyFill');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly bus?: MarketEventsBus,
    /** Lot sizes from a stored broker master when one lists the contract (stock futures of ICICI's master), else the dated table. */
    @Optional() private readonly instruments?: InstrumentStore,
  ) {}

  /**
   * Applies `trade` reported by `broker` (KOTAK, ICICI, PAPER); once committed, the position it
   * changed is pushed as `position.updated` (a fill can close it: the console must not wait for
   * the next mark, which only covers ACTIVE positions).
   */
  async apply(broker: string, trade: BrokerTrade): Promise<ApplyFillOutcome> {
    let positionId: number | null = null;
    const outcome = await inTransaction(this.dataSource, async (m): Promise<ApplyFillOutcome> => {
      if (await m.exists(Execution, { where: { broker, executionId: trade.tradeId } })) return 'DUPLICATE';
      const found =
        (trade.clientOrderId ? await m.findOne(Order, { where: { clientOrderId: trade.clientOrderId } }) : null) ??
        (await m.findOne(Order, { where: { brokerOrderId: trade.brokerOrderId } }));
      if (!found) return 'UNKNOWN_ORDER';
      const nowMs = this.clock.nowMs();
      let order = await loadOrderForUpdate(m, found.id);
      const firstFillOfOrder = order.filledQuantity === 0;
      if (order.status === 'SUBMITTED' && order.brokerOrderId === null) {
        order = await applyOrderEventToRow(m, order.id, { type: 'ACCEPTED', brokerOrderId: trade.brokerOrderId, occurredAtMs: trade.occurredAtMs, recordedAtMs: nowMs });
      }
      order = await applyOrderEventToRow(m, order.id, { type: 'FILLED', tradeId: trade.tradeId, quantity: trade.quantity, price: trade.price, occurredAtMs: trade.occurredAtMs, recordedAtMs: nowMs });
      const pricePaise = paiseOfPrice(trade.price);
      const charges = fillCharges({ broker, trade, instrumentType: order.instrumentType, firstFillOfOrder });
      if (charges.problem) this.logger.warn(`fill ${trade.tradeId} of order ${order.clientOrderId}: no charges (${charges.problem}); its P&L is gross`);
      const chargesPaise = charges.chargesPaise;
      await m.insert(Execution, {
        orderId: order.id,
        accountId: order.accountId,
        broker,
        executionId: trade.tradeId,
        side: trade.side,
        quantity: trade.quantity,
        pricePaise,
        chargesPaise,
        occurredAt: new Date(trade.occurredAtMs),
        recordedAt: new Date(nowMs),
      });
      if (order.positionId !== null) await this.updatePosition(m, order, trade, pricePaise, chargesPaise, nowMs);
      positionId = order.positionId;
      return 'APPLIED';
    });
    if (positionId !== null) await this.publishPosition(positionId);
    return outcome;
  }

  private async publishPosition(positionId: number): Promise<void> {
    if (!this.bus) return;
    const position = await this.dataSource.getRepository(Position).findOne({ where: { id: positionId } });
    if (!position) return;
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId }, order: { id: 'ASC' } });
    this.bus.publish('position.updated', positionUpdatedEvent(position, legs, null, this.clock.nowMs()));
  }

  private async updatePosition(m: EntityManager, order: Order, trade: BrokerTrade, pricePaise: number, chargesPaise: number, nowMs: number): Promise<void> {
    const positionId = order.positionId as number;
    const position = await m.findOneByOrFail(Position, { id: positionId });
    let leg = await m.findOne(PositionLeg, { where: { positionId, tradingSymbol: order.tradingSymbol } });
    const adds = !leg || leg.quantity === 0 ? order.purpose === 'ENTRY' || order.purpose === 'AVERAGE' || order.purpose === 'ADJUST' : leg.side === order.side;
    let realized = 0;
    if (adds) {
      if (!leg) {
        leg = m.create(PositionLeg, {
          positionId,
          tradingSymbol: order.tradingSymbol,
          instrumentToken: order.instrumentToken,
          underlying: order.underlying,
          instrumentType: order.instrumentType,
          strike: order.strike,
          expiryDate: order.expiryDate ?? position.expiryDate,
          side: order.side,
          quantity: 0,
          lotSize: contractLotSize(this.instruments, order.underlying, order.expiryDate ?? position.expiryDate),
          avgPricePaise: 0,
          openedAt: new Date(trade.occurredAtMs),
        });
      }
      const qty = leg.quantity + trade.quantity;
      leg.avgPricePaise = Math.round((leg.avgPricePaise * leg.quantity + pricePaise * trade.quantity) / qty);
      leg.quantity = qty;
      leg.side = order.side;
      leg.status = 'OPEN';
      leg.closedAt = null;
      // The position's quantity is what was filled: the most units any leg has held.
      position.quantity = Math.max(position.quantity, qty);
      if (order.side === 'SELL' && order.instrumentType !== 'FUT') position.premiumCollectedPaise += pricePaise * trade.quantity;
    } else {
      const l = leg as PositionLeg;
      const closing = Math.min(trade.quantity, l.quantity);
      const perUnit = l.side === 'BUY' ? pricePaise - l.avgPricePaise : l.avgPricePaise - pricePaise;
      realized = perUnit * closing;
      // The query already sees this fill's execution row.
      const closedBefore = (await this.closedQuantity(m, positionId, l)) - trade.quantity;
      l.exitPricePaise = Math.round(((l.exitPricePaise ?? 0) * closedBefore + pricePaise * closing) / (closedBefore + closing));
      l.realizedPnlPaise += realized;
      l.quantity -= closing;
      if (l.quantity === 0) {
        l.status = 'CLOSED';
        l.closedAt = new Date(trade.occurredAtMs);
      }
    }
    await m.save(PositionLeg, leg as PositionLeg);
    // The position's realised P&L is NET: every fill's charges (entry and exit) come off it;
    // a leg's realised P&L stays the gross price difference of its closed units.
    position.realizedPnlPaise += realized - chargesPaise;
    // Only the columns a fill changes: a concurrent exit request (exit owner, time) is never overwritten.
    await m.update(Position, position.id, { quantity: position.quantity, premiumCollectedPaise: position.premiumCollectedPaise, realizedPnlPaise: position.realizedPnlPaise });
    await m.insert(MonitorLog, {
      positionId,
      checkType: 'FILL',
      message: `${order.side} ${trade.quantity} ${order.tradingSymbol} @ ${trade.price} (${order.purpose}, order ${order.clientOrderId})`,
      unrealizedPnlPaise: null,
      underlyingPrice: null,
      netDelta: null,
      details: { orderId: order.id, tradeId: trade.tradeId, realizedPnlPaise: realized, chargesPaise, legQuantity: (leg as PositionLeg).quantity },
      occurredAt: new Date(nowMs),
    });
    await closePositionIfFlat(m, positionId, nowMs, 'EXITED');
  }

  /** Units of `leg` closed so far (fills on the opposite side of the leg), this fill included. */
  private async closedQuantity(m: EntityManager, positionId: number, leg: PositionLeg): Promise<number> {
    const rows = await m
      .createQueryBuilder(Execution, 'e')
      .innerJoin(Order, 'o', 'o.id = e.order_id')
      .where('o.position_id = :positionId AND o.trading_symbol = :symbol AND e.side <> :side', { positionId, symbol: leg.tradingSymbol, side: leg.side })
      .select('COALESCE(SUM(e.quantity), 0)', 'q')
      .getRawOne<{ q: string | number }>();
    return Number(rows?.q ?? 0);
  }
}
