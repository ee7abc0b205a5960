import { Inject, Injectable } from '@nestjs/common';
import type { FuturesAveragingAttemptView, FuturesPositionOrderView, FuturesPositionResponse } from '@mcube/contracts';
import type { NseCalendar } from '@mcube/domain';
import { ICICI_FUTURES_CONFIG_DEFAULTS, lastTradingDaysOf } from '@mcube/strategy-icici-futures';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { ordersOfPosition, type OrderFacts } from '../../orders/order-reads';
import { legsOfPosition, positionById } from '../../positions/position-reads';
import { ApprovalRequestRow } from '../approvals/approval-request.entity';
import { approvalViewOf } from '../approvals/approval-view';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { StrategyConfig } from '../entities/strategy-config.entity';
import { ICICI_STRATEGY_TYPE } from './gateway-futures-orders';

/** A slice's client order id is `<intent id>s<n>`; the journal names the intent. */
const intentIdOf = (clientOrderId: string) => clientOrderId.replace(/s\d+$/, '');

function orderViewOf(o: OrderFacts): FuturesPositionOrderView {
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    purpose: o.purpose,
    side: o.side,
    quantity: o.quantity,
    filledQuantity: o.filledQuantity,
    status: o.status,
    limitPricePaise: o.limitPricePaise,
    avgFillPricePaise: o.avgFillPricePaise,
    approvedBy: o.approvedBy,
    createdAtMs: o.createdAt.getTime(),
  };
}

/** Quantity-weighted average fill (paise) of the given orders; null when nothing filled. */
function averageFill(orders: readonly OrderFacts[]): number | null {
  const filled = orders.filter((o) => o.filledQuantity > 0 && o.avgFillPricePaise !== null);
  const quantity = filled.reduce((s, o) => s + o.filledQuantity, 0);
  return quantity > 0 ? Math.round(filled.reduce((s, o) => s + (o.avgFillPricePaise as number) * o.filledQuantity, 0) / quantity) : null;
}

/**
 * An ICICI futures position as the console's detail page and the knowledge store see it: the
 * position row and its FUT leg, its orders (entry, averaging, exit), the approval each entry
 * and averaging order was sent under (found through the journal: the `…_SUBMITTED` decision
 * names the request and the order), averaging requests a person declined or let expire, and
 * the exit rules still ahead with the monitor's last assessment. Read-only.
 */
@Injectable()
export class FuturesPositionViewService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
  ) {}

  /** NOT_FOUND when the position does not exist or is not the ICICI strategy's. */
  async view(positionId: number): Promise<FuturesPositionResponse> {
    const position = await positionById(this.dataSource, positionId);
    if (!position || position.strategyType !== ICICI_STRATEGY_TYPE) throw new AppException('NOT_FOUND', `position ${positionId} is not an ICICI futures position`);
    const legs = await legsOfPosition(this.dataSource, positionId);
    const leg = legs.find((l) => l.instrumentType === 'FUT') ?? null;
    const orders = await ordersOfPosition(this.dataSource, positionId);
    const intentIds = [...new Set(orders.map((o) => intentIdOf(o.clientOrderId)))];
    const journal = await this.dataSource.getRepository(DecisionJournalEntry).find({
      where: [
        { strategyType: ICICI_STRATEGY_TYPE, positionId },
        ...(intentIds.length > 0 ? [{ strategyType: ICICI_STRATEGY_TYPE, clientOrderId: In(intentIds) }] : []),
      ],
      order: { id: 'ASC' },
    });
    // The request each sent order answered: `<KIND>_SUBMITTED` rows carry { request: { requestId }, clientOrderId }.
    const requestOfIntent = new Map<string, string>();
    for (const j of journal) {
      const ref = (j.inputs['request'] as { requestId?: unknown } | undefined)?.requestId;
      if (j.clientOrderId && typeof ref === 'string' && /_SUBMITTED$/.test(j.decision)) requestOfIntent.set(j.clientOrderId, ref);
    }
    const approvals = await this.dataSource.getRepository(ApprovalRequestRow).find({ where: { accountId: position.accountId, strategyType: ICICI_STRATEGY_TYPE }, order: { id: 'ASC' } });
    const sentRefs = new Set(requestOfIntent.values());
    const mine = approvals.filter((a) => sentRefs.has(a.requestRef) || (a.kind === 'AVERAGE' && String(a.request['positionId']) === String(positionId)));
    const orderOfRequest = new Map<string, OrderFacts>();
    for (const o of orders) {
      const ref = requestOfIntent.get(intentIdOf(o.clientOrderId));
      if (ref && !orderOfRequest.has(ref)) orderOfRequest.set(ref, o);
    }
    const entryRow = mine.find((a) => a.kind !== 'AVERAGE' && orderOfRequest.get(a.requestRef)?.purpose === 'ENTRY') ?? null;
    const averagingAttempts: FuturesAveragingAttemptView[] = mine
      .filter((a) => a.kind === 'AVERAGE')
      .map((a) => {
        const attempt = (a.request['averaging'] as { decision?: { attempt?: unknown } } | null)?.decision?.attempt;
        const order = orderOfRequest.get(a.requestRef);
        return { attempt: typeof attempt === 'number' ? attempt : null, approval: approvalViewOf(a), order: order ? orderViewOf(order) : null };
      });
    const entries = orders.filter((o) => o.purpose === 'ENTRY');
    const exits = orders.filter((o) => o.purpose === 'EXIT');
    const rules = await this.exitSettings(position.accountId);
    const latestRow = [...journal].reverse().find((j) => j.kind === 'HOLD' || (j.kind === 'EXIT' && j.decision === 'EXIT'));
    const preExpiry = rules.preExpiryTradingDays > 0 ? lastTradingDaysOf(this.calendar, position.expiryDate, rules.preExpiryTradingDays)[0] : null;
    return {
      id: position.id,
      accountId: position.accountId,
      status: position.status,
      underlying: position.underlying,
      expiry: position.expiryDate,
      direction: leg ? (leg.side === 'BUY' ? 'LONG' : 'SHORT') : null,
      lotSize: leg?.lotSize ?? null,
      quantity: leg?.quantity ?? 0,
      entryPricePaise: averageFill(entries) ?? position.entryPricePaise,
      averagePricePaise: leg && leg.quantity > 0 ? leg.avgPricePaise : (averageFill(orders.filter((o) => o.purpose !== 'EXIT')) ?? null),
      lastPricePaise: leg?.lastPricePaise ?? null,
      exitPricePaise: leg?.exitPricePaise ?? averageFill(exits),
      stopLossPricePaise: position.stopLossPricePaise,
      targetPricePaise: position.targetPricePaise,
      averagingCount: position.averagingCount,
      realizedPnlPaise: position.realizedPnlPaise,
      unrealizedPnlPaise: position.unrealizedPnlPaise,
      openedAtMs: position.openedAt.getTime(),
      closedAtMs: position.closedAt?.getTime() ?? null,
      exitReason: position.exitReason ?? exitCodeOf(journal),
      entryApproval: entryRow ? approvalViewOf(entryRow) : null,
      averagingAttempts,
      orders: orders.map(orderViewOf),
      exitRule: {
        stopLossPricePaise: position.stopLossPricePaise,
        targetPricePaise: position.targetPricePaise,
        eodTime: rules.eodTime,
        eodMinProfitPct: rules.eodMinProfitPct,
        preExpiryFrom: preExpiry,
        preExpiryAction: rules.preExpiryAction,
        latest: latestRow ? { code: latestRow.reasonCode, decision: latestRow.decision, reason: latestRow.reason, atMs: latestRow.occurredAt.getTime() } : null,
      },
    };
  }

  /** The exit settings of the account's stored configuration (the defaults for what it does not set). */
  private async exitSettings(accountId: number): Promise<{ eodTime: string; eodMinProfitPct: number; preExpiryTradingDays: number; preExpiryAction: 'CLOSE' | 'ROLL' }> {
    const stored = await this.dataSource.getRepository(StrategyConfig).findOne({ where: { accountId, strategyType: ICICI_STRATEGY_TYPE } });
    const p = (stored?.parameters ?? {}) as Record<string, unknown>;
    const d = ICICI_FUTURES_CONFIG_DEFAULTS;
    return {
      eodTime: typeof p['eodTime'] === 'string' ? p['eodTime'] : d.eodTime,
      eodMinProfitPct: typeof p['eodMinProfitPct'] === 'number' ? p['eodMinProfitPct'] : d.eodMinProfitPct,
      preExpiryTradingDays: typeof p['preExpiryTradingDays'] === 'number' ? p['preExpiryTradingDays'] : d.preExpiryTradingDays,
      preExpiryAction: p['preExpiryAction'] === 'ROLL' ? 'ROLL' : d.preExpiryAction,
    };
  }
}

/** The exit rule that closed the position, from the journal's EXIT decision (STOP_LOSS_HIT, TARGET_HIT …). */
function exitCodeOf(journal: readonly DecisionJournalEntry[]): string | null {
  return [...journal].reverse().find((j) => j.kind === 'EXIT' && j.decision === 'EXIT')?.reasonCode ?? null;
}
