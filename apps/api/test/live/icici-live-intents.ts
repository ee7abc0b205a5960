import type { OrderCommand } from '@mcube/domain';
import { mintApprovalToken } from '../../src/modules/orders/approval/approval-token';
import type { IciciLiveHarness } from './icici-live-harness';

// The September series: the ICICI rules refuse an entry in a future expiring within days (EXPIRY_TOO_NEAR).
export const EXPIRY = '2026-09-29';
export const NIFTY_FUT = { underlying: 'NIFTY', kind: 'FUT', expiry: EXPIRY } as const;

/** One lot (65) of the NIFTY September future at a limit, through the gateway (pass it through `approved`: the ICICI rules require a person's approval). */
export const futures = (accountId: number, side: 'BUY' | 'SELL' = 'BUY', limitPrice = 24_600): OrderCommand => ({
  accountId,
  segment: 'NFO-FUT',
  instrument: NIFTY_FUT,
  side,
  quantity: 65,
  orderType: 'LIMIT',
  limitPrice,
  purpose: 'ENTRY',
  approval: { approvedBy: 'trader', approvedAt: 0 },
});

/**
 * The intent with a single-use approval token minted for exactly this order, as the approval
 * queue mints one when a person approves (the gateway refuses an ICICI entry without it).
 */
export async function approved(h: IciciLiveHarness, intent: OrderCommand): Promise<OrderCommand> {
  const price = intent.limitPrice ?? 0;
  const token = await mintApprovalToken(h.dataSource.manager, {
    requestRef: `test-${intent.instrument.underlying}-${price}`,
    accountId: intent.accountId,
    purpose: 'ENTRY',
    underlying: intent.instrument.underlying,
    instrumentKind: 'FUT',
    expiryDate: intent.instrument.expiry,
    side: intent.side,
    quantity: intent.quantity,
    priceLow: price * 0.99,
    priceHigh: price * 1.01,
    approvedBy: 'trader',
    approvedAtMs: h.clock.nowMs(),
    expiresAtMs: h.clock.nowMs() + 15 * 60_000,
  });
  return { ...intent, approval: { approvedBy: 'trader', approvedAt: h.clock.nowMs(), token } };
}
