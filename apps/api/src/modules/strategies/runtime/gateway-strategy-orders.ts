import { isOpen, isTerminal, type Clock, type StrategyEntryCommand, type StrategyOrderCommand } from '@mcube/domain';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '@mcube/strategy-kotak-strangle';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { inTransaction } from '../../../database/in-transaction';
import { CancelOrderService, PERSON_PREFIX } from '../../orders/cancel-order.service';
import { intentIdFor } from '../../orders/client-order-id';
import type { SubmitResult } from '../../orders/gateway-intent';
import { tradingSymbolOf } from '../../orders/instrument-symbol';
import { OrdersService } from '../../orders/order-gateway.service';
import { cancelRequestsOf, clientOrderIdsOf } from '../../orders/order-reads';
import { requestStrategyExit } from '../../positions/position-commands';
import { activePositionOf } from '../../positions/position-reads';
import { orderStateOf } from './order-state-of';
import type { StrategyPositionIds } from './strategy-position-ids';

const STRATEGY_TYPE = 'WEEKLY_NIFTY_STRANGLE';

/**
 * The strategy's order port over the order gateway (`OrdersService`: risk checks with the
 * gateway's own margin, journal, one-position slot, slicing, throttle, broker). The strategy's
 * clientOrderId is the gateway's intent id (a sliced order is reported as one). The strategy
 * emits the gateway's command; this adds what the API owns: the account, the gateway's position
 * id (mapped from the strategy's), the strategy type and a deterministic idempotency key, so a job delivered twice, or a strategy resumed
 * after a restart, never sends twice:
 * - an entry (both legs, one command): `ks:<strategy position id>:ENTRY` (leg i: `…#<i+1>`);
 * - an entry leg sent alone (completing an entry after a restart): `ks:<position>:ENTRY:<CE|PE><strike>`;
 * - closing orders: `ks:<position>:EXIT:<CE|PE><strike>:<quantity>:<n>`, n counting the
 *   strategy's closing orders of that leg so far, stored ones included (a re-priced order is a
 *   new order; a restarted process never reuses a key, so it never re-adopts a finished order:
 *   a resumed exit adopts the working one from the position view instead).
 * `requestExit` stores the strategy's exit on the position (EXITING, owner STRATEGY) unless a
 * person or the breaker owns it; `orderStatus` says when a person asked for a cancel. The
 * strategy position id ↔ gateway position id link is stored (`StrategyPositionIds`).
 */
export class GatewayStrategyOrders implements StrategyOrderPort {
  private readonly closingSeq = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly positionIds: StrategyPositionIds,
    private readonly clock: Clock,
    /** The account this strategy trades (the entry keys are per account). */
    private readonly accountId: number,
  ) {}

  async requestExit(positionId: string, reasonCode: string): Promise<void> {
    const id = await this.positionIds.gatewayIdOf(positionId);
    if (id === undefined) return;
    await inTransaction(this.dataSource, (m) => requestStrategyExit(m, id, reasonCode, new Date(this.clock.nowMs())));
  }

  async submitEntry(entry: StrategyEntryCommand): Promise<StrategySubmitResult[]> {
    const { strategyPositionId, ...command } = entry;
    const accountId = this.accountId;
    const result = await this.orders.submitEntry({ ...command, accountId, strategyType: STRATEGY_TYPE, idempotencyKey: this.entryKey(strategyPositionId) });
    if (result.positionId !== null) await this.positionIds.remember(accountId, strategyPositionId, result.positionId);
    return Promise.all(result.legs.map((r) => this.resultOf(r)));
  }

  async findEntry(positionId: string): Promise<StrategySubmitResult[] | null> {
    const link = await this.positionIds.gatewayIdOf(positionId);
    const accountId = this.accountId;
    const out: StrategySubmitResult[] = [];
    for (let leg = 1; ; leg++) {
      const intentId = intentIdFor(accountId, `${this.entryKey(positionId)}#${leg}`);
      const rows = await this.orders.ordersOfIntent(intentId);
      if (rows.length === 0) break;
      if (link === undefined && rows[0].positionId !== null) await this.positionIds.remember(accountId, positionId, rows[0].positionId);
      out.push(await this.statusResultOf(intentId, rows));
    }
    return out.length > 0 ? out : null;
  }

  async submit(order: StrategyOrderCommand): Promise<StrategySubmitResult> {
    const { strategyPositionId: _mappedBelow, ...command } = order;
    const accountId = this.accountId;
    const positionId = await this.gatewayPositionId(accountId, order);
    const idempotencyKey = await this.keyOf(order, positionId);
    const result = await this.orders.submit({ ...command, accountId, positionId, strategyType: STRATEGY_TYPE, idempotencyKey });
    return this.resultOf(result);
  }

  async orderStatus(clientOrderId: string): Promise<StrategyOrderState> {
    const rows = await this.orders.ordersOfIntent(clientOrderId);
    if (rows.length === 0) throw new AppException('NOT_FOUND', `no order ${clientOrderId} was issued through the gateway`);
    const state = orderStateOf(clientOrderId, rows);
    if (state.status !== 'CANCELED') return state;
    const requests = await cancelRequestsOf(this.dataSource, rows.map((r) => r.id));
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

  private entryKey(strategyPositionId: string | undefined): string {
    return `ks:${strategyPositionId ?? 'none'}:ENTRY`;
  }

  /** The stored link of the strategy's position, a numeric id as is, else (closing only) the ACTIVE one. */
  private async gatewayPositionId(accountId: number, order: StrategyOrderCommand): Promise<number | undefined> {
    const known = await this.positionIds.gatewayIdOf(order.strategyPositionId);
    if (known !== undefined || order.purpose === 'ENTRY') return known;
    const active = await activePositionOf(this.dataSource, accountId);
    return active?.id;
  }

  private async keyOf(order: StrategyOrderCommand, positionId: number | undefined): Promise<string> {
    const leg = `${order.instrument.optionType ?? 'FUT'}${order.instrument.strike ?? ''}`;
    if (order.purpose === 'ENTRY') return `${this.entryKey(order.strategyPositionId)}:${leg}`;
    const base = `ks:${positionId ?? order.strategyPositionId ?? 'none'}:${order.purpose}:${leg}:${order.quantity}`;
    const n = Math.max(this.closingSeq.get(base) ?? 0, await this.storedClosingOrders(order, positionId)) + 1;
    this.closingSeq.set(base, n);
    return `${base}:${n}`;
  }

  /** The strategy's closing orders of the leg already journaled (slices counted once). */
  private async storedClosingOrders(order: StrategyOrderCommand, positionId: number | undefined): Promise<number> {
    if (positionId === undefined) return 0;
    const ids = await clientOrderIdsOf(this.dataSource, { positionId, purpose: order.purpose, tradingSymbol: tradingSymbolOf(order.instrument), strategyType: STRATEGY_TYPE });
    return new Set(ids.map((id) => id.replace(/s\d+$/, ''))).size;
  }

  private async resultOf(result: SubmitResult): Promise<StrategySubmitResult> {
    const clientOrderId = result.intentId;
    if (result.denial) return { clientOrderId, status: 'DENIED', denial: { code: result.denial.code, message: result.denial.message } };
    return this.statusResultOf(clientOrderId, await this.orders.ordersOfIntent(clientOrderId));
  }

  /**
   * From the journaled rows: DENIED (all slices); REJECTED when the broker rejected a slice and
   * nothing else went anywhere (the rest withdrawn unsent); UNKNOWN (a slice in flight); else ACCEPTED.
   */
  private async statusResultOf(clientOrderId: string, rows: Awaited<ReturnType<OrdersService['ordersOfIntent']>>): Promise<StrategySubmitResult> {
    const statuses = rows.map((r) => r.status);
    if (statuses.length > 0 && statuses.every((s) => s === 'DENIED')) return { clientOrderId, status: 'DENIED', denial: { code: rows[0]?.denialCode ?? 'DENIED', message: rows[0]?.statusReason ?? 'denied by the risk checks' } };
    if (statuses.includes('REJECTED') && rows.every((r) => isTerminal(r.status) && r.filledQuantity === 0)) return { clientOrderId, status: 'REJECTED', denial: { code: 'BROKER_REJECTED', message: orderStateOf(clientOrderId, rows).reason ?? 'rejected by the broker' } };
    if (statuses.some((s) => s === 'SUBMITTED' || s === 'INITIALIZED')) return { clientOrderId, status: 'UNKNOWN' };
    return { clientOrderId, status: 'ACCEPTED' };
  }
}

/** Who the strategy's cancels are journaled as (never a person: its own re-pricing). */
const STRATEGY_CANCEL = 'system:strategy';
