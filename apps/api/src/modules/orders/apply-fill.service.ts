import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { contractLotSize } from '../data/instruments/contract-terms';
import { paiseOfPrice, type BrokerTrade, type Clock } from '@mcube/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { AppEventsBus } from '../core/events/app-events.bus';
import { Execution } from './entities/execution.entity';
import { Order } from './entities/order.entity';
import { fillCharges } from './fill-charges';
import { applyOrderEventToRow, loadOrderForUpdate } from './order-journal';
import { positionOrderFacts } from './position-slot';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from './ports/position-ledger.port';
import { InstrumentStore } from '../data/instruments/instrument-store.service';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** What `ApplyFillService.apply` did with one trade. */
export type ApplyFillOutcome = 'APPLIED' | 'DUPLICATE' | 'UNKNOWN_ORDER';

/**
 * Applies one broker execution (trade) in ONE transaction: deduplicated by (broker,
 * executionId); the order moves through the domain state machine (quantities only from
 * fills); the execution keeps the charges the broker reported (paper: the domain cost model)
 * or, for a live fill (no charges per trade), the dated cost model's (`fillCharges`);
 * the position's leg grows (entry, averaging; the position's quantity follows the largest
 * leg, filled units only) or shrinks (exit) with realised P&L in paise, the position's net of
 * charges: the maths is the domain's `applyFill` (libs/domain/src/positions), this service
 * only loads, applies and saves; the position closes once every leg is flat; a MonitorLog row
 * records it. A trade of an order mCube does not know is left to reconciliation (UNKNOWN_ORDER).
 * Throws DomainError ILLEGAL_TRANSITION for an overfill, INVALID_ARGUMENT for an exit fill of
 * a leg the position never held.
 */
@Injectable()
export class ApplyFillService {
  private readonly logger = new Logger('ApplyFill');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    /** The position step of a fill and the `position.updated` it publishes, the positions module's. */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
    @Optional() private readonly bus?: AppEventsBus,
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
    const event = await this.ledger.positionUpdatedOf(this.dataSource.manager, positionId, this.clock.nowMs());
    if (event) this.bus.publish('position.updated', event);
  }

  /**
   * The position step, the positions module's (its ledger's `applyFillToPosition`: averaging, realised P&L
   * net of charges, partial and full closes); this answers what it needs of the orders' tables.
   */
  private async updatePosition(m: EntityManager, order: Order, trade: BrokerTrade, pricePaise: number, chargesPaise: number, nowMs: number): Promise<void> {
    const positionId = order.positionId as number;
    const fill = {
      positionId,
      orderId: order.id,
      clientOrderId: order.clientOrderId,
      tradeId: trade.tradeId,
      tradingSymbol: order.tradingSymbol,
      instrumentToken: order.instrumentToken,
      underlying: order.underlying,
      instrumentType: order.instrumentType,
      strike: order.strike,
      expiryDate: order.expiryDate,
      side: order.side,
      purpose: order.purpose,
      quantity: trade.quantity,
      price: trade.price,
      pricePaise,
      chargesPaise,
      occurredAtMs: trade.occurredAtMs,
    };
    await this.ledger.applyFillToPosition(m, fill, nowMs, {
      ...positionOrderFacts(m, positionId),
      filledBefore: (symbol) => this.filledBeforeThis(m, positionId, symbol, trade),
      lotSize: (underlying, expiryDate) => contractLotSize(this.instruments, underlying, expiryDate),
    });
  }

  /**
   * Units the leg `symbol` of the position has filled on each side BEFORE this trade (the
   * weights of its exit-price average). Loaded only for a fill against the leg's side, the one
   * that can close units; the query already sees this fill's execution row, taken off here.
   */
  private async filledBeforeThis(m: EntityManager, positionId: number, symbol: string, trade: BrokerTrade): Promise<{ buy: number; sell: number }> {
    const rows = await m
      .createQueryBuilder(Execution, 'e')
      .innerJoin(Order, 'o', 'o.id = e.order_id')
      .where('o.position_id = :positionId AND o.trading_symbol = :symbol', { positionId, symbol })
      .select('e.side', 'side')
      .addSelect('COALESCE(SUM(e.quantity), 0)', 'q')
      .groupBy('e.side')
      .getRawMany<{ side: string; q: string | number }>();
    const filled = (side: 'BUY' | 'SELL') => Number(rows.find((r) => r.side === side)?.q ?? 0) - (trade.side === side ? trade.quantity : 0);
    return { buy: filled('BUY'), sell: filled('SELL') };
  }
}
