import { And, In, LessThan, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { Execution } from './entities/execution.entity';
import { OrderEvent } from './entities/order-event.entity';
import { Order } from './entities/order.entity';

/**
 * The orders module's small reads of `orders`, `executions` and `order_events` for other
 * modules (positions' exits, the strategies' views and keys, analytics' charges and reports,
 * the backtest drift, the Telegram bot), so that they never import its entities. Each runs on
 * the given source: inside the caller's transaction when given its manager.
 */

/** An order row as other modules see it: read-only, never saved back by them. */
export type OrderFacts = Readonly<Order>;
/** A fill (execution) row, read-only. */
export type ExecutionFacts = Readonly<Execution>;
/** An order's journaled event, read-only. */
export type OrderEventFacts = Readonly<OrderEvent>;

type Source = DataSource | EntityManager;

/** Every order of these positions (in no particular order). */
export function ordersOfPositions(source: Source, positionIds: readonly number[]): Promise<OrderFacts[]> {
  return source.getRepository(Order).find({ where: { positionId: In([...positionIds]) } });
}

/** Every order of one position, in id order. */
export function ordersOfPosition(source: Source, positionId: number): Promise<OrderFacts[]> {
  return source.getRepository(Order).find({ where: { positionId }, order: { id: 'ASC' } });
}

/** The EXIT orders of one position, in id order. */
export function exitOrdersOf(source: Source, positionId: number): Promise<OrderFacts[]> {
  return source.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' }, order: { id: 'ASC' } });
}

/** The EXIT orders of one leg (by trading symbol) of a position (in no particular order). */
export function exitOrdersOfLeg(source: Source, positionId: number, tradingSymbol: string): Promise<OrderFacts[]> {
  return source.getRepository(Order).find({ where: { positionId, purpose: 'EXIT', tradingSymbol } });
}

/** Every order of the account, in id order. */
export function ordersOfAccount(source: Source, accountId: number): Promise<OrderFacts[]> {
  return source.getRepository(Order).find({ where: { accountId }, order: { id: 'ASC' } });
}

/** The newest `limit` orders of every account, newest first. */
export function latestOrders(source: Source, limit: number): Promise<OrderFacts[]> {
  return source.getRepository(Order).find({ order: { id: 'DESC' }, take: limit });
}

/** Which orders `clientOrderIdsOf` reads: a strategy's orders of one purpose on one leg of a position. */
export interface LegOrdersFilter {
  readonly positionId: number;
  readonly purpose: Order['purpose'];
  readonly tradingSymbol: string;
  readonly strategyType: string;
}

/** The client order ids (a slice's included) of the orders matching `filter`. */
export async function clientOrderIdsOf(source: Source, filter: LegOrdersFilter): Promise<string[]> {
  const { positionId, purpose, tradingSymbol, strategyType } = filter;
  const rows = await source.getRepository(Order).find({ where: { positionId, purpose, tradingSymbol, strategyType }, select: { id: true, clientOrderId: true } });
  return rows.map((r) => r.clientOrderId);
}

/** The fills of these orders, in id order. */
export function executionsOfOrders(source: Source, orderIds: readonly number[]): Promise<ExecutionFacts[]> {
  return source.getRepository(Execution).find({ where: { orderId: In([...orderIds]) }, order: { id: 'ASC' } });
}

/** How many fills the account had at or after `from` and before `before`. */
export function fillsCountBetween(source: Source, accountId: number, from: Date, before: Date): Promise<number> {
  return source.getRepository(Execution).count({ where: { accountId, occurredAt: And(MoreThanOrEqual(from), LessThan(before)) } });
}

/** The CANCEL_REQUESTED events of these orders, in journal order (`requestedBy` in the payload says who asked). */
export function cancelRequestsOf(source: Source, orderIds: readonly number[]): Promise<OrderEventFacts[]> {
  return source.getRepository(OrderEvent).find({ where: { orderId: In([...orderIds]), type: 'CANCEL_REQUESTED' }, order: { sequence: 'ASC' } });
}
