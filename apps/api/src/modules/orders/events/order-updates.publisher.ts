import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { OrderUpdatedEvent } from '@mcube/contracts';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { OrderEvent } from '../entities/order-event.entity';
import { Order } from '../entities/order.entity';
import { orderAfter } from './journaled-order-snapshot';

/** An `order.updated` waiting for its transaction to commit, with the depth it was written at. */
interface Pending {
  readonly depth: number;
  readonly event: OrderUpdatedEvent;
}

/** The console's view of an order right after one journal event. */
export function orderUpdatedEventOf(order: Order, atMs: number): OrderUpdatedEvent {
  return {
    orderId: order.id,
    clientOrderId: order.clientOrderId,
    accountId: order.accountId,
    positionId: order.positionId,
    tradingSymbol: order.tradingSymbol,
    side: order.side,
    purpose: order.purpose,
    quantity: order.quantity,
    filledQuantity: order.filledQuantity,
    averagePrice: order.avgFillPricePaise === null ? null : order.avgFillPricePaise / 100,
    status: order.status,
    reason: order.denialCode ?? order.statusReason ?? null,
    atMs,
  };
}

/**
 * Publishes `order.updated` for every journal event (an `order_events` row: INITIALIZED,
 * SUBMITTED, ACCEPTED, fills, cancels, rejects, DENIED…), whoever wrote it, and ONLY once its
 * transaction has committed: a TypeORM subscriber snapshots the order inside the transaction
 * when the event row is inserted, holds it per query runner, publishes on the outermost
 * commit and drops it on rollback (savepoints included). A write outside a transaction is
 * already committed and is published at once.
 */
@Injectable()
export class OrderUpdatesPublisher implements EntitySubscriberInterface<OrderEvent>, OnModuleInit, OnModuleDestroy {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
  ) {}

  /** Subscribes to the data source (tests that build the gateway by hand call it too). */
  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const i = this.dataSource.subscribers.indexOf(this);
    if (i >= 0) this.dataSource.subscribers.splice(i, 1);
  }

  listenTo(): typeof OrderEvent {
    return OrderEvent;
  }

  async afterInsert(event: InsertEvent<OrderEvent>): Promise<void> {
    const orderId = event.entity?.orderId;
    if (orderId === undefined) return;
    const order = orderAfter(event.entity) ?? (await event.manager.findOne(Order, { where: { id: orderId } }));
    if (!order) return;
    const at = event.entity.occurredAt instanceof Date ? event.entity.occurredAt.getTime() : Date.parse(String(event.entity.occurredAt));
    const update = orderUpdatedEventOf(order, at);
    const runner = event.queryRunner;
    if (!runner.isTransactionActive) {
      this.bus.publish('order.updated', update);
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push({ depth: depthOf(runner), event: update });
    this.pending.set(runner, list);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint keeps its writes in the enclosing transaction: wait for the outermost commit.
    if (runner.isTransactionActive) return;
    const list = this.pending.get(runner);
    this.pending.delete(runner);
    for (const p of list ?? []) this.bus.publish('order.updated', p.event);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    const list = this.pending.get(runner);
    if (!list) return;
    if (!runner.isTransactionActive) {
      this.pending.delete(runner);
      return;
    }
    // Rolled back to a savepoint: only what was written inside it is gone.
    const depth = depthOf(runner);
    this.pending.set(
      runner,
      list.filter((p) => p.depth <= depth),
    );
  }
}

/** The query runner's transaction depth (TypeORM keeps it on every driver's runner). */
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}
