import { Inject, Injectable } from '@nestjs/common';
import { isOpen, type BrokerOrderReport, type Clock, type ExecutionClient } from '@mcube/domain';
import { DataSource, In } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { ApplyFillService } from './apply-fill.service';
import { Order } from './entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import { applyOrderEventToRow, loadOrderForUpdate } from './order-journal';
import { closePositionIfFlat } from './position-slot';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from './ports/position-ledger.port';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** An in-flight order the broker still does not know after this long was never placed. */
export const NOT_AT_BROKER_GRACE_MS = 60_000;

/**
 * Settles orders from what the broker says, never by resubmitting: orders whose send had
 * an unknown outcome are looked up by tag (`orderByTag`); every open order of an account
 * takes the broker's trades (through `ApplyFillService`, deduplicated) and its terminal
 * state (CANCELED, REJECTED, EXPIRED). An order the broker has no trace of after
 * `NOT_AT_BROKER_GRACE_MS` is REJECTED (it was never placed). Broker read failures are
 * left for the next pass.
 */
@Injectable()
export class SettleInFlightService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly fills: ApplyFillService,
    /** Closes the empty position of an order that ended unfilled (the positions module's rule). */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
  ) {}

  /** One pass over every account with a client. Returns how many orders changed status. */
  async settleAll(): Promise<number> {
    let changed = 0;
    for (const [accountId, client] of this.clients.entries()) changed += await this.settleAccount(accountId, client);
    return changed;
  }

  /** One pass over the open orders of one account. */
  async settleAccount(accountId: number, client: ExecutionClient = this.mustClient(accountId)): Promise<number> {
    const open = await this.dataSource.getRepository(Order).find({ where: { accountId, status: In(['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL']) }, order: { id: 'ASC' } });
    if (open.length === 0) return 0;
    const trades = await client.listTrades().catch(() => undefined);
    let changed = 0;
    for (const order of open) {
      const report = await client.orderByTag(order.clientOrderId).catch(() => null);
      if (report === null) continue; // read failed: next pass
      // Resting as journaled (accepted, no new fill): nothing to apply, and no transaction and
      // re-read per open order per pass (issue 21: they ran in the request loop every 2 s).
      if (report !== undefined && unchangedAtBroker(order, report)) continue;
      const before = order.status;
      if (report === undefined) {
        await this.notAtBroker(order);
      } else {
        for (const t of trades ?? []) if (t.brokerOrderId === report.brokerOrderId || t.clientOrderId === order.clientOrderId) await this.fills.apply(client.broker, t);
        await this.applyReport(order.id, report);
      }
      const after = await this.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
      if (after.status !== before || after.inFlightUnknown !== order.inFlightUnknown) changed++;
    }
    return changed;
  }

  /** Applies the broker's view of one order: ACCEPTED for an in-flight send, then its terminal state (CANCELED, REJECTED, EXPIRED) unless fills completed it. */
  async applyReport(orderId: number, report: BrokerOrderReport): Promise<void> {
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      // Locked on PostgreSQL before the checks: the slice sender may journal the same ACCEPTED concurrently.
      let row = await loadOrderForUpdate(m, orderId);
      if (row.status === 'SUBMITTED' && report.state !== 'REJECTED') {
        row = await applyOrderEventToRow(m, row.id, { type: 'ACCEPTED', brokerOrderId: report.brokerOrderId, occurredAtMs: report.updatedAtMs, recordedAtMs: at });
      }
      if (!isOpen(row.status)) return;
      const terminal = report.state === 'CANCELED' ? 'CANCELED' : report.state === 'EXPIRED' ? 'EXPIRED' : report.state === 'REJECTED' ? 'REJECTED' : undefined;
      if (terminal === undefined || row.filledQuantity >= row.quantity) return;
      if (terminal === 'REJECTED') await applyOrderEventToRow(m, row.id, { type: 'REJECTED', reason: report.rejectReason ?? 'rejected by the broker', occurredAtMs: report.updatedAtMs, recordedAtMs: at });
      else await applyOrderEventToRow(m, row.id, { type: terminal, occurredAtMs: report.updatedAtMs, recordedAtMs: at });
      if (row.positionId !== null) await closePositionIfFlat(this.ledger, m, row.positionId, at, 'ENTRY_NOT_FILLED');
    });
  }

  private async notAtBroker(order: Order): Promise<void> {
    const at = this.clock.nowMs();
    const sentAt = order.submittedAt?.getTime() ?? at;
    if (order.status !== 'SUBMITTED' || at - sentAt < NOT_AT_BROKER_GRACE_MS) return;
    await inTransaction(this.dataSource, async (m) => {
      // Checked again on the locked row: the send's answer may have been journaled since the read.
      if ((await loadOrderForUpdate(m, order.id)).status !== 'SUBMITTED') return;
      await applyOrderEventToRow(m, order.id, { type: 'REJECTED', reason: `NOT_AT_BROKER: no order tagged ${order.clientOrderId} after ${NOT_AT_BROKER_GRACE_MS} ms`, occurredAtMs: at, recordedAtMs: at });
      if (order.positionId !== null) await closePositionIfFlat(this.ledger, m, order.positionId, at, 'ENTRY_NOT_FILLED');
    });
  }

  private mustClient(accountId: number): ExecutionClient {
    const client = this.clients.get(accountId);
    if (!client) throw new Error(`account ${accountId} has no broker client`);
    return client;
  }
}

/** The broker shows the order still working with the fills the journal already has. */
function unchangedAtBroker(order: Order, report: BrokerOrderReport): boolean {
  return (order.status === 'ACCEPTED' || order.status === 'PARTIALLY_FILLED') && (report.state === 'OPEN' || report.state === 'PENDING') && report.filledQuantity === order.filledQuantity;
}
