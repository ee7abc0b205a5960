import { isOpen, type OrderIntent } from '@mcube/domain';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '@mcube/strategy-kotak-strangle';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { CancelOrderService } from '../../orders/cancel-order.service';
import type { GatewayIntent, SubmitResult } from '../../orders/gateway-intent';
import { OrdersService } from '../../orders/submit-order.service';
import { Position } from '../../positions/entities/position.entity';
import { orderStateOf } from './order-state-of';
import type { StrategyPositionIds } from './strategy-position-ids';

/**
 * The strategy's order port over the order gateway (`OrdersService.submit`: risk checks,
 * journal, one-position slot, slicing, throttle, broker). The strategy's clientOrderId is the
 * gateway's intent id (a sliced order is reported as one). Every intent carries a deterministic
 * idempotency key, so a job delivered twice never sends twice:
 * - entry legs: `ks:<strategy position id>:ENTRY:<CE|PE><strike>`;
 * - closing orders: `ks:<position>:EXIT:<CE|PE><strike>:<quantity>:<n>`, n counting this
 *   process's closing orders of that leg (a re-priced order is a new order).
 */
export class GatewayStrategyOrders implements StrategyOrderPort {
  private readonly closingSeq = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly positionIds: StrategyPositionIds,
  ) {}

  async submit(intent: OrderIntent): Promise<StrategySubmitResult> {
    const accountId = Number(intent.accountId);
    const positionId = await this.gatewayPositionId(accountId, intent);
    const result = await this.orders.submit(this.gatewayIntent(intent, accountId, positionId));
    if (intent.positionId !== undefined && result.positionId !== null && positionId === undefined) this.positionIds.remember(intent.positionId, result.positionId);
    return this.resultOf(result);
  }

  async orderStatus(clientOrderId: string): Promise<StrategyOrderState> {
    const rows = await this.orders.ordersOfIntent(clientOrderId);
    if (rows.length === 0) throw new AppException('NOT_FOUND', `no order ${clientOrderId} was issued through the gateway`);
    return orderStateOf(clientOrderId, rows);
  }

  /** Asks the broker to cancel every working slice; a slice that finished meanwhile (CONFLICT) is fine. */
  async cancel(clientOrderId: string): Promise<void> {
    for (const row of await this.orders.ordersOfIntent(clientOrderId)) {
      if (!isOpen(row.status) || row.status === 'PENDING_CANCEL' || !row.brokerOrderId) continue;
      try {
        await this.cancels.cancel(row.id);
      } catch (error) {
        if (!(error instanceof AppException && error.code === 'CONFLICT')) throw error;
      }
    }
  }

  /** Entry: the first leg has none (the gateway reserves one), later legs the remembered one. Closing: remembered, numeric, else the ACTIVE one. */
  private async gatewayPositionId(accountId: number, intent: OrderIntent): Promise<number | undefined> {
    const known = this.positionIds.gatewayIdOf(intent.positionId);
    if (known !== undefined || intent.purpose === 'ENTRY') return known;
    const active = await this.dataSource.getRepository(Position).findOne({ where: { accountId, status: 'ACTIVE' } });
    return active?.id;
  }

  private gatewayIntent(intent: OrderIntent, accountId: number, positionId: number | undefined): GatewayIntent {
    const { instrument } = intent;
    return {
      accountId,
      segment: intent.segment,
      instrument,
      side: intent.side,
      quantity: intent.quantity,
      orderType: intent.orderType,
      limitPrice: intent.limitPrice ?? 0,
      purpose: intent.purpose,
      positionId,
      strategyType: 'WEEKLY_NIFTY_STRANGLE',
      estimatedMarginPaise: intent.estimatedMarginPaise,
      estimatedRiskPaise: intent.estimatedRiskPaise,
      estimatedExposurePaise: intent.estimatedExposurePaise,
      idempotencyKey: this.keyOf(intent, positionId),
    };
  }

  private keyOf(intent: OrderIntent, positionId: number | undefined): string {
    const leg = `${intent.instrument.optionType ?? 'FUT'}${intent.instrument.strike ?? ''}`;
    if (intent.purpose === 'ENTRY') return `ks:${intent.positionId ?? 'none'}:ENTRY:${leg}`;
    const base = `ks:${positionId ?? intent.positionId ?? 'none'}:${intent.purpose}:${leg}:${intent.quantity}`;
    const n = (this.closingSeq.get(base) ?? 0) + 1;
    this.closingSeq.set(base, n);
    return `${base}:${n}`;
  }

  private async resultOf(result: SubmitResult): Promise<StrategySubmitResult> {
    const clientOrderId = result.intentId;
    if (result.denial) return { clientOrderId, status: 'DENIED', denial: { code: result.denial.code, message: result.denial.message } };
    if (result.statuses.length > 0 && result.statuses.every((s) => s === 'DENIED')) {
      // A duplicate of a denied intent: the denial is on the journaled rows.
      const [row] = await this.orders.ordersOfIntent(clientOrderId);
      return { clientOrderId, status: 'DENIED', denial: { code: row?.denialCode ?? 'DENIED', message: row?.statusReason ?? 'denied by the risk checks' } };
    }
    if (result.statuses.length > 0 && result.statuses.every((s) => s === 'REJECTED')) {
      const state = await this.orderStatus(clientOrderId);
      return { clientOrderId, status: 'REJECTED', denial: { code: 'BROKER_REJECTED', message: state.reason ?? 'rejected by the broker' } };
    }
    if (result.statuses.some((s) => s === 'SUBMITTED' || s === 'INITIALIZED')) return { clientOrderId, status: 'UNKNOWN' };
    return { clientOrderId, status: 'ACCEPTED' };
  }
}
