import { isOpen, type Clock, type OrderIntent } from '@mcube/domain';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '@mcube/strategy-kotak-strangle';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { inTransaction } from '../../../database/in-transaction';
import { CancelOrderService, PERSON_PREFIX } from '../../orders/cancel-order.service';
import { OrderEvent } from '../../orders/entities/order-event.entity';
import { Order } from '../../orders/entities/order.entity';
import { tradingSymbolOf } from '../../orders/instrument-symbol';
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
 * - closing orders: `ks:<position>:EXIT:<CE|PE><strike>:<quantity>:<n>`, n counting the
 *   strategy's closing orders of that leg so far, stored ones included (a re-priced order is a
 *   new order; a restarted process never reuses a key).
 * `requestExit` stores the strategy's exit on the position (EXITING, owner STRATEGY) unless a
 * person or the breaker owns it; `orderStatus` says when a person asked for a cancel.
 */
export class GatewayStrategyOrders implements StrategyOrderPort {
  private readonly closingSeq = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly positionIds: StrategyPositionIds,
    private readonly clock: Clock,
  ) {}

  async requestExit(positionId: string, reasonCode: string): Promise<void> {
    const id = this.positionIds.gatewayIdOf(positionId);
    if (id === undefined) return;
    await inTransaction(this.dataSource, async (m) => {
      const position = await m.findOne(Position, { where: { id } });
      if (!position || position.status !== 'ACTIVE' || (position.exitOwner !== null && position.exitOwner !== 'STRATEGY')) return;
      await m.update(Position, id, { exitOwner: 'STRATEGY', exitReason: reasonCode.slice(0, 40), exitRequestedAt: position.exitRequestedAt ?? new Date(this.clock.nowMs()) });
    });
  }

  async submit(intent: OrderIntent): Promise<StrategySubmitResult> {
    const accountId = Number(intent.accountId);
    const positionId = await this.gatewayPositionId(accountId, intent);
    const result = await this.orders.submit(await this.gatewayIntent(intent, accountId, positionId));
    if (intent.positionId !== undefined && result.positionId !== null && positionId === undefined) this.positionIds.remember(intent.positionId, result.positionId);
    return this.resultOf(result);
  }

  async orderStatus(clientOrderId: string): Promise<StrategyOrderState> {
    const rows = await this.orders.ordersOfIntent(clientOrderId);
    if (rows.length === 0) throw new AppException('NOT_FOUND', `no order ${clientOrderId} was issued through the gateway`);
    const state = orderStateOf(clientOrderId, rows);
    if (state.status !== 'CANCELED') return state;
    const requests = await this.dataSource.getRepository(OrderEvent).find({ where: { orderId: In(rows.map((r) => r.id)), type: 'CANCEL_REQUESTED' } });
    return { ...state, canceledByPerson: requests.some((e) => String(e.payload['requestedBy'] ?? '').startsWith(PERSON_PREFIX)) };
  }

  /** Asks the broker to cancel every working slice; a slice that finished meanwhile (CONFLICT) is fine. */
  async cancel(clientOrderId: string): Promise<void> {
    for (const row of await this.orders.ordersOfIntent(clientOrderId)) {
      if (!isOpen(row.status) || row.status === 'PENDING_CANCEL' || !row.brokerOrderId) continue;
      try {
        await this.cancels.cancel(row.id, STRATEGY_CANCEL);
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

  private async gatewayIntent(intent: OrderIntent, accountId: number, positionId: number | undefined): Promise<GatewayIntent> {
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
      idempotencyKey: await this.keyOf(intent, positionId),
    };
  }

  private async keyOf(intent: OrderIntent, positionId: number | undefined): Promise<string> {
    const leg = `${intent.instrument.optionType ?? 'FUT'}${intent.instrument.strike ?? ''}`;
    if (intent.purpose === 'ENTRY') return `ks:${intent.positionId ?? 'none'}:ENTRY:${leg}`;
    const base = `ks:${positionId ?? intent.positionId ?? 'none'}:${intent.purpose}:${leg}:${intent.quantity}`;
    const n = Math.max(this.closingSeq.get(base) ?? 0, await this.storedClosingOrders(intent, positionId)) + 1;
    this.closingSeq.set(base, n);
    return `${base}:${n}`;
  }

  /** The strategy's closing intents of the leg already journaled (slices counted once). */
  private async storedClosingOrders(intent: OrderIntent, positionId: number | undefined): Promise<number> {
    if (positionId === undefined) return 0;
    const rows = await this.dataSource.getRepository(Order).find({ where: { positionId, purpose: intent.purpose, tradingSymbol: tradingSymbolOf(intent.instrument), strategyType: 'WEEKLY_NIFTY_STRANGLE' }, select: { id: true, clientOrderId: true } });
    return new Set(rows.map((r) => r.clientOrderId.replace(/s\d+$/, ''))).size;
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

/** Who the strategy's cancels are journaled as (never a person: its own re-pricing). */
const STRATEGY_CANCEL = 'system:strategy';
