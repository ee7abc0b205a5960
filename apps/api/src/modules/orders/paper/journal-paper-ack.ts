import type { EntityManager } from 'typeorm';
import { Order } from '../entities/order.entity';
import { applyOrderEventToLoadedRow } from '../order-journal';

/** A paper placement the caller will be told was accepted (`PaperBookChange.acknowledges`). */
export interface PaperAck {
  readonly clientOrderId: string;
  readonly brokerOrderId: string;
  readonly atMs: number;
}

/**
 * Journals the paper broker's ACCEPTED of an order the gateway sent (SUBMITTED, no broker id
 * yet) inside the paper book's own transaction, so the book and the acknowledgement are one
 * commit (one fsync) and never apart: a crash before it leaves the order SUBMITTED and absent
 * from the book (reconciliation closes it), after it both are stored. The gateway's own answer
 * then finds the order ACCEPTED and writes nothing (issue 21). A tag no journal row of the
 * account carries (an order placed on the paper client directly) is left alone.
 */
export async function journalPaperAck(manager: EntityManager, accountId: number, ack: PaperAck): Promise<void> {
  // One read, locked on PostgreSQL before the check (as `loadOrderForUpdate` does for the gateway's and the order sync's answers).
  const sqlite = manager.connection.options.type === 'better-sqlite3' || manager.connection.options.type === 'sqlite';
  const current = await manager.findOne(Order, { where: { clientOrderId: ack.clientOrderId, accountId }, ...(sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
  if (!current || current.status !== 'SUBMITTED' || current.brokerOrderId !== null) return;
  await applyOrderEventToLoadedRow(manager, current, { type: 'ACCEPTED', brokerOrderId: ack.brokerOrderId, occurredAtMs: ack.atMs, recordedAtMs: ack.atMs });
}
