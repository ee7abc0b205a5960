import { In, IsNull, Not, type DataSource } from 'typeorm';
import { Order } from './entities/order.entity';
import type { GatewayIntent } from './gateway-intent';

/**
 * The intent a queued order was journaled from, rebuilt from its slices' rows (all of one
 * intent, oldest first): the quantity is the sum of the slices; the price is the stored
 * (already protected) limit, so the intent is a LIMIT.
 */
export function gatewayIntentOfRows(rows: readonly Order[]): GatewayIntent {
  const first = rows[0];
  const fut = first.instrumentType === 'FUT';
  return {
    accountId: first.accountId,
    segment: first.exchangeSegment as GatewayIntent['segment'],
    instrument: {
      underlying: first.underlying,
      kind: fut ? 'FUT' : 'OPT',
      expiry: first.expiryDate ?? '',
      strike: first.strike ?? undefined,
      optionType: fut ? undefined : (first.instrumentType as 'CE' | 'PE'),
      tradingSymbol: first.tradingSymbol,
      instrumentToken: first.instrumentToken ?? undefined,
    },
    side: first.side,
    quantity: rows.reduce((sum, r) => sum + r.quantity, 0),
    orderType: 'LIMIT',
    limitPrice: (first.limitPricePaise ?? 0) / 100,
    purpose: first.purpose,
    positionId: first.positionId ?? undefined,
    strategyType: first.strategyType ?? undefined,
    approval: first.approvedBy && first.approvedAt ? { approvedBy: first.approvedBy, approvedAt: first.approvedAt.getTime() } : undefined,
    callerFigures: {
      marginPaise: first.estimatedMarginPaise ?? undefined,
      riskPaise: first.estimatedRiskPaise ?? undefined,
      exposurePaise: first.estimatedExposurePaise ?? undefined,
    },
    product: first.product ?? undefined,
  };
}

/**
 * Claims a queued intent for one `orders.submit` run: a single UPDATE that stamps
 * `dispatchedAt` on rows still INITIALIZED, queued and unclaimed. True only for the run whose
 * UPDATE changed them; a redelivered or concurrent run of the same job changes nothing and
 * gets false (PostgreSQL re-checks the WHERE after the row lock; SQLite runs one at a time).
 */
export async function claimQueuedRows(dataSource: DataSource, rows: readonly Order[], nowMs: number): Promise<boolean> {
  const result = await dataSource
    .createQueryBuilder()
    .update(Order)
    .set({ dispatchedAt: new Date(nowMs) })
    .where({ id: In(rows.map((r) => r.id)), status: 'INITIALIZED', queuedAt: Not(IsNull()), dispatchedAt: IsNull() })
    .execute();
  return (result.affected ?? 0) === rows.length;
}
