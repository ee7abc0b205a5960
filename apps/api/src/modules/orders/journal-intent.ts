import { paiseOfPrice } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { sliceClientOrderId } from './client-order-id';
import { Order } from './entities/order.entity';
import type { GatewayIntent } from './gateway-intent';
import { instrumentTypeOf, tradingSymbolOf } from './instrument-symbol';
import { journalInitialized } from './order-journal';

/** What `journalIntent` writes: one INITIALIZED order per slice. */
export interface JournalIntentInput {
  readonly intent: GatewayIntent;
  readonly intentId: string;
  readonly slices: readonly number[];
  /** Rupees: the limit, or the protected limit built from a MARKET intent's reference price. */
  readonly limitPrice: number;
  readonly nowMs: number;
  /** Set for an intent journaled for an `orders.submit` job (see `Order.queuedAt`). */
  readonly queued?: boolean;
}

/**
 * Journals an intent in ONE transaction: an INITIALIZED order per slice with everything a
 * later send needs (contract, side, price, purpose, approval, estimates, product), and its
 * INITIALIZED event. Throws the unique violation of `clientOrderId` when the intent id was
 * journaled before (the caller maps it to a duplicate).
 */
export function journalIntent(dataSource: DataSource, input: JournalIntentInput): Promise<Order[]> {
  const { intent, intentId, slices, limitPrice, nowMs } = input;
  return inTransaction(dataSource, async (m) => {
    const out: Order[] = [];
    for (let i = 0; i < slices.length; i++) {
      const row = await m.save(
        Order,
        m.create(Order, {
          clientOrderId: sliceClientOrderId(intentId, i, slices.length),
          accountId: intent.accountId,
          positionId: intent.positionId ?? null,
          strategyType: intent.strategyType ?? null,
          exchangeSegment: intent.segment,
          tradingSymbol: tradingSymbolOf(intent.instrument),
          instrumentToken: intent.instrument.instrumentToken ?? null,
          underlying: intent.instrument.underlying,
          instrumentType: instrumentTypeOf(intent.instrument),
          strike: intent.instrument.strike ?? null,
          expiryDate: intent.instrument.expiry,
          side: intent.side,
          orderType: 'LIMIT',
          quantity: slices[i],
          limitPricePaise: paiseOfPrice(limitPrice),
          purpose: intent.purpose,
          status: 'INITIALIZED',
          requiresApproval: intent.approval !== undefined,
          approvedBy: intent.approval?.approvedBy ?? null,
          approvedAt: intent.approval ? new Date(intent.approval.approvedAt) : null,
          estimatedMarginPaise: intent.estimatedMarginPaise ?? null,
          estimatedRiskPaise: intent.estimatedRiskPaise ?? null,
          estimatedExposurePaise: intent.estimatedExposurePaise ?? null,
          product: intent.product ?? null,
          queuedAt: input.queued ? new Date(nowMs) : null,
        }),
      );
      await journalInitialized(m, row, nowMs);
      out.push(row);
    }
    return out;
  });
}
