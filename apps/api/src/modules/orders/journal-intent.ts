import { paiseOfPrice, type OrderCommand } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import { sliceClientOrderId } from './client-order-id';
import { Order } from './entities/order.entity';
import { instrumentTypeOf, tradingSymbolOf } from './instrument-symbol';
import { journalInitialized } from './order-journal';

/** One leg to journal: its intent, intent id, slices and price. */
export interface JournalLeg {
  readonly intent: OrderCommand;
  readonly intentId: string;
  readonly slices: readonly number[];
  /** Rupees: the limit, or the protected limit built from a MARKET intent's reference price. */
  readonly limitPrice: number;
}

/** What `journalIntents` writes: one INITIALIZED order per slice of every leg. */
export interface JournalIntentsInput {
  readonly legs: readonly JournalLeg[];
  readonly nowMs: number;
}

/**
 * Journals a command inside the caller's transaction (the gateway commits it together with
 * the verdict and the first slice's SUBMITTED): an INITIALIZED order per slice of every leg (a
 * strangle's both legs are stored before either is sent) with everything a later send needs
 * (contract, side, price, purpose, approval, the caller's own figures, product), and its
 * INITIALIZED event. Returns the rows per leg. Throws the unique violation of `clientOrderId`
 * when an intent id was journaled before (the caller maps it to a duplicate).
 */
export async function journalIntentRows(m: EntityManager, input: JournalIntentsInput): Promise<Order[][]> {
  const { nowMs } = input;
  const out: Order[][] = [];
  for (const { intent, intentId, slices, limitPrice } of input.legs) {
    const rows: Order[] = [];
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
          estimatedMarginPaise: intent.callerFigures?.marginPaise ?? null,
          estimatedRiskPaise: intent.callerFigures?.riskPaise ?? null,
          estimatedExposurePaise: intent.callerFigures?.exposurePaise ?? null,
          product: intent.product ?? null,
        }),
      );
      await journalInitialized(m, row, nowMs);
      rows.push(row);
    }
    out.push(rows);
  }
  return out;
}
