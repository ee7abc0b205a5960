import { isOpen, isTerminal, type OrderIntent } from '@mcube/domain';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '@mcube/strategy-icici-futures';
import { AppException } from '../../../common/errors/app-exception';
import { CancelOrderService } from '../../orders/cancel-order.service';
import type { GatewayIntent } from '../../orders/gateway-intent';
import { OrdersService } from '../../orders/order-gateway.service';
import { orderStateOf } from '../runtime/order-state-of';

export const ICICI_STRATEGY_TYPE = 'LLM_VALIDATED_FUTURES' as const;

/**
 * The ICICI strategy's orders through the gateway (`OrdersService.submit`), one intent each.
 * An ENTRY names no position (the gateway reserves one); AVERAGE and EXIT name the active
 * position by its gateway id (the strategy's `positionId` is that id). The person's approval,
 * token included, travels on `intent.approval`: the gateway verifies and consumes the token.
 * No idempotency key: each intent gets a fresh id; an ENTRY/AVERAGE cannot be sent twice anyway
 * (its token is single-use) and an exit re-sent after a restart is judged against the position
 * (a second exit beyond what is open is not reducing and is refused).
 */
export class GatewayFuturesOrders implements StrategyOrderPort {
  constructor(
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
  ) {}

  async submit(intent: OrderIntent): Promise<StrategySubmitResult> {
    const result = await this.orders.submit(this.gatewayIntent(intent));
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

  private gatewayIntent(intent: OrderIntent): GatewayIntent {
    const positionId = intent.purpose === 'ENTRY' || intent.positionId === undefined || !/^\d+$/.test(intent.positionId) ? undefined : Number(intent.positionId);
    return {
      accountId: Number(intent.accountId),
      segment: intent.segment,
      instrument: intent.instrument,
      side: intent.side,
      quantity: intent.quantity,
      orderType: intent.orderType,
      limitPrice: intent.limitPrice ?? 0,
      purpose: intent.purpose,
      positionId,
      strategyType: ICICI_STRATEGY_TYPE,
      approval: intent.approval,
      callerFigures: intent.purpose === 'EXIT' ? undefined : { marginPaise: intent.estimatedMarginPaise, riskPaise: intent.estimatedRiskPaise, exposurePaise: intent.estimatedExposurePaise },
    };
  }
}
