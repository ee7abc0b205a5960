import { isOpen, isTerminal, type OrderStatus } from '@mcube/domain';
import type { StrategyOrderState } from '@mcube/strategy-kotak-strangle';
import type { OrderFacts } from '../../orders/order-reads';

/**
 * One strategy order as the strategy sees it, from the gateway's journal rows of its intent
 * (one row, or one per slice when the quantity was above the freeze limit): quantities summed
 * from fills, a fill-weighted average price in rupees, and one status. All slices FILLED →
 * FILLED; any slice still working → PARTIALLY_FILLED when something filled, else the first
 * working slice's status; all finished short of the quantity → that status when they agree
 * (REJECTED, DENIED, CANCELED, EXPIRED), else CANCELED. Throws RangeError for no rows.
 */
export function orderStateOf(clientOrderId: string, rows: readonly Pick<OrderFacts, 'status' | 'quantity' | 'filledQuantity' | 'avgFillPricePaise' | 'statusReason' | 'denialCode'>[]): StrategyOrderState {
  if (rows.length === 0) throw new RangeError(`no journaled order for ${clientOrderId}`);
  const filledQuantity = rows.reduce((s, r) => s + r.filledQuantity, 0);
  const filledValue = rows.reduce((s, r) => s + r.filledQuantity * (r.avgFillPricePaise ?? 0), 0);
  const averagePrice = filledQuantity > 0 ? Math.round(filledValue / filledQuantity) / 100 : undefined;
  const reason = rows.map((r) => r.statusReason ?? r.denialCode).find((x): x is string => !!x) ?? undefined;
  return { clientOrderId, status: statusOf(rows), filledQuantity, averagePrice, reason };
}

function statusOf(rows: readonly Pick<OrderFacts, 'status' | 'filledQuantity'>[]): OrderStatus {
  if (rows.length === 1) return rows[0].status;
  if (rows.every((r) => r.status === 'FILLED')) return 'FILLED';
  const working = rows.find((r) => !isTerminal(r.status) || isOpen(r.status));
  if (working) return rows.some((r) => r.filledQuantity > 0) ? 'PARTIALLY_FILLED' : working.status;
  const ended = new Set(rows.filter((r) => r.status !== 'FILLED').map((r) => r.status));
  return ended.size === 1 ? [...ended][0] : 'CANCELED';
}
