import { In, type EntityManager } from 'typeorm';
import type { BrokerCode } from '../../accounts/entities/broker-account.entity';
import { Execution } from '../../orders/entities/execution.entity';
import { Order } from '../../orders/entities/order.entity';
import type { Position } from '../../positions/entities/position.entity';
import { chargesOfFills } from './fill-charges';

/** A closed position's result: gross P&L, every charge of its fills, and the net. Paise. */
export interface PositionResult {
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
}

/**
 * The result of a position from its stored realised P&L and its fills. The orders module
 * stores `realizedPnlPaise` already net of the charges reported on the fills; charges that
 * were not reported (estimated here, see `chargesOfFills`) still come off.
 */
export async function resultOfPosition(m: EntityManager, position: Position, broker: BrokerCode): Promise<PositionResult> {
  const orders = await m.find(Order, { where: { positionId: position.id } });
  const segmentOf = new Map(orders.map((o) => [o.id, o.instrumentType === 'FUT' ? ('FUT' as const) : ('OPT' as const)]));
  const fills = orders.length === 0 ? [] : await m.find(Execution, { where: { orderId: In(orders.map((o) => o.id)) }, order: { id: 'ASC' } });
  const { storedPaise, estimatedPaise } = chargesOfFills(
    fills.map((f) => ({ orderId: f.orderId, side: f.side, quantity: f.quantity, pricePaise: f.pricePaise, chargesPaise: f.chargesPaise, occurredAtMs: f.occurredAt.getTime(), segment: segmentOf.get(f.orderId) ?? 'OPT' })),
    broker,
  );
  const grossPnlPaise = position.realizedPnlPaise + storedPaise;
  const chargesPaise = storedPaise + estimatedPaise;
  return { grossPnlPaise, chargesPaise, netPnlPaise: grossPnlPaise - chargesPaise };
}
