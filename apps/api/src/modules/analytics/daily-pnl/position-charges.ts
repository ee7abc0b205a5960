import { positionResult, type FillForCharges, type PositionResult } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import type { BrokerCode } from '@mcube/contracts';
import { executionsOfOrders, ordersOfPositions, type OrderFacts } from '../../orders/order-reads';
import type { PositionFacts } from '../../positions/position-reads';

export type { PositionResult };

/** Positions per round of queries: keeps the IN lists well inside SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * The result of each position (keyed by id) from its stored realised P&L and its fills. The
 * orders module stores `realizedPnlPaise` already net of the charges reported on the fills;
 * charges that were not reported (estimated: the domain's `positionResult`) still come off.
 * Two queries per 500 positions, not two per position.
 */
export async function resultsOfPositions(m: EntityManager, positions: readonly PositionFacts[], brokerOf: (p: PositionFacts) => BrokerCode): Promise<Map<number, PositionResult>> {
  const out = new Map<number, PositionResult>();
  for (let i = 0; i < positions.length; i += CHUNK) {
    const chunk = positions.slice(i, i + CHUNK);
    const orders = await ordersOfPositions(m, chunk.map((p) => p.id));
    const orderById = new Map(orders.map((o) => [o.id, o]));
    const fills = orders.length === 0 ? [] : await executionsOfOrders(m, orders.map((o) => o.id));
    const fillsOf = new Map<number, FillForCharges[]>();
    for (const f of fills) {
      const order = orderById.get(f.orderId) as OrderFacts;
      const own = fillsOf.get(order.positionId as number) ?? [];
      own.push({ orderId: f.orderId, side: f.side, quantity: f.quantity, pricePaise: f.pricePaise, chargesPaise: f.chargesPaise, occurredAtMs: f.occurredAt.getTime(), segment: order.instrumentType === 'FUT' ? 'FUT' : 'OPT' });
      fillsOf.set(order.positionId as number, own);
    }
    for (const p of chunk) {
      out.set(p.id, positionResult({ realizedPnlPaise: p.realizedPnlPaise, fills: fillsOf.get(p.id) ?? [], broker: brokerOf(p) }));
    }
  }
  return out;
}
