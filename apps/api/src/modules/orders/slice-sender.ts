import { BrokerError, placeOrderOutcome, type Clock, type ExecutionClient } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { Order } from './entities/order.entity';
import type { GatewayIntent } from './gateway-intent';
import { applyOrderEventToRow, loadOrderForUpdate } from './order-journal';
import { closePositionIfFlat } from './position-slot';
import type { SegmentThrottle } from './throttle/segment-throttle';

/** What one send came to. */
export type SendOutcome = { type: 'ACCEPTED'; brokerOrderId: string } | { type: 'REJECTED'; reason: string } | { type: 'SEND_TIMED_OUT' };

/** A journaled slice and the intent (leg) it belongs to. */
export interface SliceToSend {
  readonly row: Order;
  readonly intent: GatewayIntent;
}

/**
 * Sends journaled slices to the broker, one throttle turn each: SUBMITTED journaled →
 * `placeOrder` with the clientOrderId as tag → ACCEPTED / REJECTED, or on an unknown outcome
 * SUBMITTED + `inFlightUnknown` (settled later by tag, never resubmitted). Withdraws what was
 * never sent (CANCELED), so nothing stays INITIALIZED.
 */
export class SliceSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly throttle: SegmentThrottle,
  ) {}

  /**
   * Sends `slices` in order. With `stopAfterReject` (an entry), a rejected slice stops the rest:
   * they are withdrawn with `why`, so a strangle never goes out as one leg when the broker
   * refused the other. Returns the outcomes of the slices sent.
   */
  async sendAll(client: ExecutionClient, slices: readonly SliceToSend[], opts: { stopAfterReject: boolean }): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = [];
    for (const [i, slice] of slices.entries()) {
      const outcome = await this.send(client, slice);
      outcomes.push(outcome);
      if (opts.stopAfterReject && outcome.type === 'REJECTED') {
        await this.withdraw(slices.slice(i + 1).map((s) => s.row), 'not sent: the broker rejected another order of this entry');
        break;
      }
    }
    return outcomes;
  }

  /** Orders that never left mCube are withdrawn (CANCELED, with `why` as the reason when given). */
  async withdraw(rows: readonly Order[], why?: string): Promise<void> {
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      for (const row of rows) {
        // Locked on PostgreSQL before the check: a concurrent settle cannot slip in between.
        const current = await loadOrderForUpdate(m, row.id);
        if (current.status !== 'INITIALIZED') continue;
        await applyOrderEventToRow(m, row.id, { type: 'CANCELED', occurredAtMs: at, recordedAtMs: at });
        if (why) await m.update(Order, row.id, { statusReason: why });
        if (current.positionId !== null) await closePositionIfFlat(m, current.positionId, at, 'ENTRY_NOT_FILLED');
      }
    });
  }

  /** One slice: throttle turn → SUBMITTED journaled → placeOrder → the answer journaled. */
  private async send(client: ExecutionClient, { row, intent }: SliceToSend): Promise<SendOutcome> {
    const { pending } = await this.throttle.send(intent.segment, async () => {
      const submittedAt = this.clock.nowMs();
      await inTransaction(this.dataSource, (m) => applyOrderEventToRow(m, row.id, { type: 'SUBMITTED', occurredAtMs: submittedAt, recordedAtMs: submittedAt }));
      return { pending: this.place(client, row, intent) };
    });
    const outcome = await pending;
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      // Locked on PostgreSQL before the check (SQLite serializes writers): the order sync may
      // apply the broker's ACCEPTED for this tag concurrently, and only one of us may.
      const current = await loadOrderForUpdate(m, row.id);
      // A fill or update may have settled the order while the call was in flight.
      if (current.status !== 'SUBMITTED') return;
      if (outcome.type === 'ACCEPTED' && current.brokerOrderId === null) {
        await applyOrderEventToRow(m, row.id, { type: 'ACCEPTED', brokerOrderId: outcome.brokerOrderId, occurredAtMs: at, recordedAtMs: at });
      } else if (outcome.type === 'REJECTED') {
        await applyOrderEventToRow(m, row.id, { type: 'REJECTED', reason: outcome.reason, occurredAtMs: at, recordedAtMs: at });
      } else if (outcome.type === 'SEND_TIMED_OUT') {
        await applyOrderEventToRow(m, row.id, { type: 'SEND_TIMED_OUT', occurredAtMs: at, recordedAtMs: at });
      }
    });
    return outcome;
  }

  /** Calls the broker; a failure is turned into REJECTED (not placed) or SEND_TIMED_OUT (unknown: never resent). */
  private async place(client: ExecutionClient, row: Order, intent: GatewayIntent): Promise<SendOutcome> {
    try {
      const ack = await client.placeOrder({
        clientOrderId: row.clientOrderId,
        accountId: String(row.accountId),
        instrument: { ...intent.instrument, segment: intent.segment, tradingSymbol: row.tradingSymbol },
        side: row.side,
        quantity: row.quantity,
        limitPrice: (row.limitPricePaise ?? 0) / 100,
        product: intent.product ?? 'NRML',
        validity: 'DAY',
      });
      return { type: 'ACCEPTED', brokerOrderId: ack.brokerOrderId };
    } catch (error) {
      const known = error instanceof BrokerError && placeOrderOutcome(error.kind) === 'NOT_PLACED';
      return known ? { type: 'REJECTED', reason: `${(error as BrokerError).kind}: ${(error as BrokerError).message}` } : { type: 'SEND_TIMED_OUT' };
    }
  }
}
