import { BrokerError, orderInstrumentOf, placeOrderOutcome, type Clock, type ExecutionClient, type OrderCommand } from '@mcube/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { Order } from './entities/order.entity';
import { applyOrderEventToLoadedRow, applyOrderEventToRow, loadOrderForUpdate } from './order-journal';
import { closePositionIfFlat } from './position-slot';
import type { PositionLedger } from './ports/position-ledger.port';
import type { SegmentThrottle } from './throttle/segment-throttle';

/** What one send came to. */
export type SendOutcome = { type: 'ACCEPTED'; brokerOrderId: string } | { type: 'REJECTED'; reason: string } | { type: 'SEND_TIMED_OUT' };

/** A journaled slice and the intent (leg) it belongs to. */
export interface SliceToSend {
  readonly row: Order;
  readonly intent: OrderCommand;
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
    /** Closes a withdrawn entry's empty position (the positions module's rule). */
    private readonly ledger: PositionLedger,
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
        await applyOrderEventToLoadedRow(m, current, { type: 'CANCELED', occurredAtMs: at, recordedAtMs: at });
        if (why) await m.update(Order, row.id, { statusReason: why });
        if (current.positionId !== null) await closePositionIfFlat(this.ledger, m, current.positionId, at, 'ENTRY_NOT_FILLED');
      }
    });
  }

  /** One journaled slice: throttle turn → SUBMITTED journaled → placeOrder → the answer journaled. */
  private async send(client: ExecutionClient, { row, intent }: SliceToSend): Promise<SendOutcome> {
    const sent = await this.sendJournaling(client, intent, (m, atMs) => applyOrderEventToRow(m, row.id, { type: 'SUBMITTED', occurredAtMs: atMs, recordedAtMs: atMs }));
    return sent.outcome;
  }

  /**
   * Takes a throttle turn of `intent`'s segment, then commits `journal` in ONE transaction
   * (it must leave exactly one order SUBMITTED and return it: the intent is on disk before it
   * leaves), starts `placeOrder` for that order and, once the broker answers, journals the
   * answer in a second commit. The gateway uses it for a command's first slice, whose commit
   * also holds every leg's INITIALIZED orders and the verdict. An error thrown by `journal`
   * rolls its transaction back and nothing is sent.
   */
  async sendJournaling(client: ExecutionClient, intent: OrderCommand, journal: (m: EntityManager, atMs: number) => Promise<Order>): Promise<{ row: Order; outcome: SendOutcome }> {
    let row: Order | undefined;
    const { pending } = await this.throttle.send(intent.segment, async () => {
      const submittedAt = this.clock.nowMs();
      const submitted = await inTransaction(this.dataSource, (m) => journal(m, submittedAt));
      row = submitted;
      return { pending: this.place(client, submitted, intent) };
    });
    const outcome = await pending;
    const sentRow = row as Order;
    await this.journalAnswer(sentRow.id, outcome);
    return { row: sentRow, outcome };
  }

  /** The broker's answer to a SUBMITTED order, journaled unless a fill or update settled it while the call was in flight. */
  private async journalAnswer(orderId: number, outcome: SendOutcome): Promise<void> {
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      // Locked on PostgreSQL before the check (SQLite serializes writers): the order sync may
      // apply the broker's ACCEPTED for this tag concurrently, and only one of us may.
      const current = await loadOrderForUpdate(m, orderId);
      if (current.status !== 'SUBMITTED') return;
      if (outcome.type === 'ACCEPTED' && current.brokerOrderId === null) {
        await applyOrderEventToLoadedRow(m, current, { type: 'ACCEPTED', brokerOrderId: outcome.brokerOrderId, occurredAtMs: at, recordedAtMs: at });
      } else if (outcome.type === 'REJECTED') {
        await applyOrderEventToLoadedRow(m, current, { type: 'REJECTED', reason: outcome.reason, occurredAtMs: at, recordedAtMs: at });
      } else if (outcome.type === 'SEND_TIMED_OUT') {
        await applyOrderEventToLoadedRow(m, current, { type: 'SEND_TIMED_OUT', occurredAtMs: at, recordedAtMs: at });
      }
    });
  }

  /** Calls the broker; a failure is turned into REJECTED (not placed) or SEND_TIMED_OUT (unknown: never resent). */
  private async place(client: ExecutionClient, row: Order, intent: OrderCommand): Promise<SendOutcome> {
    try {
      const ack = await client.placeOrder({
        clientOrderId: row.clientOrderId,
        accountId: String(row.accountId),
        // The instrument id only: each adapter finds its broker's symbol/token itself; the row's stored symbol is mCube's, not the broker's.
        instrument: orderInstrumentOf(intent.instrument, intent.segment),
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
