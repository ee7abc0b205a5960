import { isOpen, isTerminal, type StrategyOrderCommand } from '@mcube/domain';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '@mcube/strategy-icici-futures';
import { AppException } from '../../../common/errors/app-exception';
import { CancelOrderService } from '../../orders/cancel-order.service';
import { OrdersService } from '../../orders/order-gateway.service';
import { intentIdFor } from '../../orders/client-order-id';
import { orderStateOf } from '../runtime/order-state-of';

export const ICICI_STRATEGY_TYPE = 'LLM_VALIDATED_FUTURES' as const;

/**
 * The ICICI strategy's orders through the gateway (`OrdersService.submit`): the strategy emits
 * the domain's `StrategyOrderCommand` (its sizing as caller figures) and this adds what the API
 * owns: the account, the gateway's position id, the strategy type and the idempotency key. An
 * ENTRY names no position (the gateway reserves one); AVERAGE and EXIT name the active position
 * by its gateway id (the strategy's `strategyPositionId` is that id). The person's approval,
 * token included, travels on `order.approval`: the gateway verifies and consumes the token.
 * The strategy's idempotency key (numbered, stored with its working order before the send) makes
 * the intent id, so the id is known before the order is sent and the same key never makes a
 * second order; an ENTRY/AVERAGE's token is single-use besides.
 */
export class GatewayFuturesOrders implements StrategyOrderPort {
  constructor(
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    /** The account the strategy trades (intent ids are per account). */
    private readonly accountId: number,
  ) {}

  clientOrderIdFor(idempotencyKey: string): string {
    return intentIdFor(this.accountId, idempotencyKey);
  }

  async isIssued(clientOrderId: string): Promise<boolean> {
    return (await this.orders.ordersOfIntent(clientOrderId)).length > 0;
  }

  async submit(order: StrategyOrderCommand, idempotencyKey?: string): Promise<StrategySubmitResult> {
    const { strategyPositionId: _mappedBelow, ...command } = order;
    const result = await this.orders.submit({ ...command, accountId: this.accountId, positionId: gatewayPositionIdOf(order), strategyType: ICICI_STRATEGY_TYPE, idempotencyKey });
    const clientOrderId = result.intentId;
    if (result.denial) return { clientOrderId, status: 'DENIED', denial: { code: result.denial.code, message: result.denial.message } };
    const statuses = result.statuses;
    if (statuses.includes('REJECTED') && statuses.every((s) => s === 'REJECTED' || s === 'CANCELED')) return { clientOrderId, status: 'REJECTED', denial: { code: 'BROKER_REJECTED', message: 'rejected by the broker' } };
    if (statuses.some((s) => s === 'SUBMITTED' || s === 'INITIALIZED')) return { clientOrderId, status: 'UNKNOWN' };
    return { clientOrderId, status: 'ACCEPTED' };
  }

  async orderStatus(clientOrderId: string): Promise<StrategyOrderState> {
    const rows = await this.orders.ordersOfIntent(clientOrderId);
    if (rows.length === 0) throw new AppException('NOT_FOUND', `no order ${clientOrderId} was issued through the gateway`);
    return orderStateOf(clientOrderId, rows);
  }

  async cancel(clientOrderId: string): Promise<void> {
    for (const row of await this.orders.ordersOfIntent(clientOrderId)) {
      if (!isOpen(row.status) || isTerminal(row.status) || row.status === 'PENDING_CANCEL' || !row.brokerOrderId) continue;
      try {
        await this.cancels.cancel(row.id, 'system:strategy');
      } catch (error) {
        if (!(error instanceof AppException && error.code === 'CONFLICT')) throw error;
      }
    }
  }
}

/** The strategy's position id is the gateway's (digits); an ENTRY names none (the gateway reserves one). */
function gatewayPositionIdOf(order: StrategyOrderCommand): number | undefined {
  const id = order.strategyPositionId;
  return order.purpose === 'ENTRY' || id === undefined || !/^\d+$/.test(id) ? undefined : Number(id);
}
