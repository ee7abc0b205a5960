import { Inject, Injectable } from '@nestjs/common';
import { BrokerError, isOpen, type Clock } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { currentRequestContext } from '../../common/request-context/request-context';
import { inTransaction } from '../../database/in-transaction';
import { Order } from './entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import { applyOrderEventToRow } from './order-journal';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/**
 * Cancels a working order. Allowed in every trading state, HALTED included (a cancel
 * only removes risk). Journals CANCEL_REQUESTED, then asks the broker; a refusal is
 * CANCEL_REJECTED (the order goes back to where it was); CANCELED itself arrives from
 * the broker (`SettleInFlightService`), and a fill that beats the cancel still counts.
 * Who asked is journaled on CANCEL_REQUESTED (`requestedBy`): a person's cancel of an exit is
 * respected by the exit chaser and the strategy. Throws NOT_FOUND, CONFLICT (order not open, or
 * not yet known to the broker), SERVICE_UNAVAILABLE (no broker client, or the broker unreachable: retry).
 */
@Injectable()
export class CancelOrderService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
  ) {}

  /** Requests the cancel of order `orderId` for `requestedBy` (default: the request's person, else `system`); returns the order as stored afterwards. */
  async cancel(orderId: number, requestedBy: string = requesterOfRequest()): Promise<Order> {
    const order = await this.dataSource.getRepository(Order).findOne({ where: { id: orderId } });
    if (!order) throw new AppException('NOT_FOUND', `order ${orderId} not found`);
    if (!isOpen(order.status) || order.status === 'PENDING_CANCEL') throw new AppException('CONFLICT', `order ${orderId} is ${order.status}: nothing to cancel`);
    if (!order.brokerOrderId) throw new AppException('CONFLICT', `order ${orderId} is not yet known to the broker: settle it first`);
    const client = this.clients.get(order.accountId);
    if (!client) throw new AppException('SERVICE_UNAVAILABLE', `account ${order.accountId} has no broker connection`);
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, (m) => applyOrderEventToRow(m, order.id, { type: 'CANCEL_REQUESTED', requestedBy, occurredAtMs: at, recordedAtMs: at }));
    try {
      await client.cancelOrder({ brokerOrderId: order.brokerOrderId, clientOrderId: order.clientOrderId });
    } catch (error) {
      if (error instanceof BrokerError && error.kind === 'REJECTED') {
        const t = this.clock.nowMs();
        await inTransaction(this.dataSource, (m) => applyOrderEventToRow(m, order.id, { type: 'CANCEL_REJECTED', reason: error.message, occurredAtMs: t, recordedAtMs: t }));
      } else {
        throw new AppException('SERVICE_UNAVAILABLE', `the broker did not answer the cancel of order ${orderId}; it stays PENDING_CANCEL until the broker says`);
      }
    }
    return this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
  }
}

/** `user:<username>` inside a request (a person, or a script with their key), else `system`. */
function requesterOfRequest(): string {
  const principal = currentRequestContext()?.principal;
  return principal ? `${PERSON_PREFIX}${principal.username}` : 'system';
}

/** How a person's `requestedBy` starts. */
export const PERSON_PREFIX = 'user:';
