import type { DataSource } from 'typeorm';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ApprovalRequestRow } from '../../src/modules/strategies/approvals/approval-request.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';

const ICICI = 'LLM_VALIDATED_FUTURES' as const;
const EXPIRY = '2026-03-30';
const T0 = Date.parse('2026-03-10T04:15:00.000Z'); // 09:45 IST

/** What `insertFuturesTrade` stored, for the assertions. */
export interface StoredFuturesTrade {
  readonly positionId: number;
  readonly entryRef: string;
  readonly averageRef: string;
  readonly declinedRef: string;
}

/**
 * Stores an ICICI futures trade the way the strategy and the gateway leave it: an INFY LONG of
 * 400 entered at 1600 under an approved ENTRY request (score 78, rules validator APPROVE 0.81),
 * averaged once at 1592 under an approved AVERAGE request (attempt 1), a second averaging
 * request declined by the trader (attempt 2), then (when `closed`) stopped out: 800 sold at 1588,
 * −₹6,400. The journal links each sent order to its request as `…_SUBMITTED` rows do. `tag`
 * keeps client order ids and request refs unique when called more than once.
 */
export async function insertFuturesTrade(ds: DataSource, accountId: number, opts: { tag: string; closed: boolean; underlying?: string }): Promise<StoredFuturesTrade> {
  const underlying = opts.underlying ?? 'INFY';
  const at = (minutes: number) => new Date(T0 + minutes * 60_000);
  const position = await ds.getRepository(Position).save({
    accountId,
    strategyType: ICICI,
    status: opts.closed ? 'CLOSED' : 'ACTIVE',
    direction: 'LONG',
    underlying,
    expiryDate: EXPIRY,
    quantity: opts.closed ? 0 : 800,
    entryPricePaise: 1600_00,
    stopLossPricePaise: opts.closed ? 1588_02 : 1588_02,
    targetPricePaise: 1611_92,
    averagingCount: 1,
    marginUsedPaise: 2_40_000_00,
    entryValuePaise: 12_76_800_00,
    realizedPnlPaise: opts.closed ? -6_400_00 : 0,
    unrealizedPnlPaise: opts.closed ? 0 : -3_200_00,
    openedAt: at(0),
    closedAt: opts.closed ? at(300) : null,
    exitReason: null,
  } as Partial<Position>);
  const id = position.id;
  await ds.getRepository(PositionLeg).save({
    positionId: id,
    tradingSymbol: `${underlying}26MARFUT`,
    underlying,
    instrumentType: 'FUT',
    expiryDate: EXPIRY,
    side: 'BUY',
    quantity: opts.closed ? 0 : 800,
    lotSize: 400,
    avgPricePaise: 1596_00,
    lastPricePaise: opts.closed ? 1588_00 : 1592_00,
    exitPricePaise: opts.closed ? 1588_00 : null,
    realizedPnlPaise: opts.closed ? -6_400_00 : 0,
    status: opts.closed ? 'CLOSED' : 'OPEN',
    openedAt: at(0),
    closedAt: opts.closed ? at(300) : null,
  } as Partial<PositionLeg>);
  const intent = (kind: string) => `k${opts.tag}${kind}`.padEnd(20, '0').slice(0, 20);
  const order = (purpose: 'ENTRY' | 'AVERAGE' | 'EXIT', side: 'BUY' | 'SELL', quantity: number, pricePaise: number, minutes: number, approvedBy: string | null) =>
    ({
      clientOrderId: intent(purpose.slice(0, 3).toLowerCase()),
      accountId,
      positionId: id,
      strategyType: ICICI,
      exchangeSegment: 'NFO-FUT',
      tradingSymbol: `${underlying}26MARFUT`,
      underlying,
      instrumentType: 'FUT',
      expiryDate: EXPIRY,
      side,
      orderType: 'LIMIT',
      quantity,
      limitPricePaise: pricePaise,
      purpose,
      status: 'FILLED',
      filledQuantity: quantity,
      avgFillPricePaise: pricePaise,
      isPaper: true,
      requiresApproval: approvedBy !== null,
      approvedBy,
      approvedAt: approvedBy ? at(minutes) : null,
      submittedAt: at(minutes),
    }) as Partial<Order>;
  await ds.getRepository(Order).save([order('ENTRY', 'BUY', 400, 1600_00, 1, 'trader'), order('AVERAGE', 'BUY', 400, 1592_00, 120, 'trader'), ...(opts.closed ? [order('EXIT', 'SELL', 800, 1588_00, 300, null)] : [])]);
  const entryRef = `${opts.tag}-entry`;
  const averageRef = `${opts.tag}-avg-1`;
  const declinedRef = `${opts.tag}-avg-2`;
  const candidate = {
    underlying,
    direction: 'LONG',
    score: { score: 78, minimum: 65, components: { oi: 34, sector: 30, trend: 9, rsi: 5 } },
    openInterest: { signal: 'LONG_BUILDUP', confidence: 0.85, pcr: 0.62, oiChangePct: 6.1, priceChangePct: 1.2 },
    sector: { index: 'NIFTY IT', verdict: 'STRONG_BULLISH', perf3d: 1.1, perf7d: 2.4, perf21d: 4.9 },
    technicals: { rsi: 58.2, emaTrend: 'UP', atrPct: 1.4, volumeRatio: 1.3 },
  };
  const validation = { label: 'rules validator — no LLM configured', passed: true, reason: 'APPROVE at 0.81: hard rules hold', verdict: { verdict: 'APPROVE', confidence: 0.81, direction: 'LONG', reasons: ['OI and sector agree'], risks: [], counterpoints: [] } };
  const request = (ref: string, kind: 'ENTRY' | 'AVERAGE', extra: Record<string, unknown>) => ({
    requestId: ref,
    kind,
    accountId: String(accountId),
    positionId: kind === 'ENTRY' ? `${accountId}-IF-${opts.tag}` : String(id),
    direction: 'LONG',
    contract: `${underlying}-${EXPIRY}-FUT`,
    lots: 1,
    lotSize: 400,
    summary: `${kind} LONG 1 lot(s) ${underlying}-${EXPIRY}-FUT`,
    candidate: null,
    validation: null,
    averaging: null,
    ...extra,
  });
  const row = (ref: string, kind: 'ENTRY' | 'AVERAGE', status: 'APPROVED' | 'REJECTED', minutes: number, extra: Record<string, unknown>, reason: string | null) => {
    const r = request(ref, kind, extra);
    return { requestRef: ref, accountId, strategyType: ICICI, kind, status, summary: r.summary, request: r, validatorLabel: kind === 'ENTRY' ? validation.label : null, requestedAt: at(minutes - 1), expiresAt: at(minutes + 9), decidedBy: 'trader', decidedAt: at(minutes), reason } as Partial<ApprovalRequestRow>;
  };
  await ds.getRepository(ApprovalRequestRow).save([
    row(entryRef, 'ENTRY', 'APPROVED', 1, { candidate, validation }, null),
    row(averageRef, 'AVERAGE', 'APPROVED', 120, { averaging: { decision: { attempt: 1 }, averagePrice: 1600, openQuantity: 400 } }, null),
    row(declinedRef, 'AVERAGE', 'REJECTED', 200, { averaging: { decision: { attempt: 2 }, averagePrice: 1596, openQuantity: 800 } }, 'results on Thursday: no more size'),
  ]);
  const journal = (kind: string, decision: string, reasonCode: string, reason: string, minutes: number, extra: Partial<DecisionJournalEntry>) =>
    ({ accountId, strategyType: ICICI, kind, decision, reasonCode, reason, inputs: {}, positionId: null, clientOrderId: null, occurredAt: at(minutes), ...extra }) as Partial<DecisionJournalEntry>;
  await ds.getRepository(DecisionJournalEntry).save([
    journal('ENTRY', 'ENTRY_SUBMITTED', 'APPROVED_BY_PERSON', 'entry sent', 1, { clientOrderId: intent('ent'), inputs: { request: { requestId: entryRef }, strategyPositionId: `${accountId}-IF-${opts.tag}` } }),
    journal('AVERAGE', 'AVERAGE_SUBMITTED', 'APPROVED_BY_PERSON', 'averaging sent', 120, { clientOrderId: intent('ave'), positionId: id, inputs: { request: { requestId: averageRef } } }),
    journal('HOLD', 'HOLD', 'NO_EXIT_CONDITION', `${underlying} 1592 between stop 1588.02 and target 1611.92`, 250, { positionId: id }),
    ...(opts.closed ? [journal('EXIT', 'EXIT', 'STOP_LOSS_HIT', `${underlying} 1588 reached the stop 1588.02`, 299, { positionId: id })] : []),
  ]);
  return { positionId: id, entryRef, averageRef, declinedRef };
}
