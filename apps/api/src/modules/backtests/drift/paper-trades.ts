import type { ComparableTrade } from '@mcube/backtest';
import { addDays, epochMsOfIst, istMinuteOf } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { executionsOfOrders, ordersOfPositions } from '../../orders/order-reads';
import { closedPositionsOpenedWithin, legsOfPositions } from '../../positions/position-reads';

/**
 * The account's CLOSED strangle positions opened on IST days [from, to], in the drift core's
 * trade shape: legs named as the backtest names them (`NIFTY-2026-03-10-22500-CE`), the
 * quantity the entry orders filled, entry and exit averages from the legs, the charges of
 * every execution and the net the ledger booked (realized P&L net of charges).
 */
export async function paperTradesOf(ds: DataSource, accountId: number, from: string, to: string): Promise<ComparableTrade[]> {
  const positions = await closedPositionsOpenedWithin(ds, accountId, new Date(epochMsOfIst(from, '00:00')), new Date(epochMsOfIst(addDays(to, 1), '00:00') - 1));
  if (positions.length === 0) return [];
  const ids = positions.map((p) => p.id);
  const legs = await legsOfPositions(ds, ids);
  const orders = await ordersOfPositions(ds, ids);
  const executions = orders.length === 0 ? [] : await executionsOfOrders(ds, orders.map((o) => o.id));
  return positions.map((p) => {
    const own = orders.filter((o) => o.positionId === p.id);
    const charges = executions.filter((e) => own.some((o) => o.id === e.orderId)).reduce((s, e) => s + e.chargesPaise, 0);
    return {
      positionId: String(p.id),
      entryAt: istMinuteOf(p.openedAt.getTime()),
      exitAt: p.closedAt ? istMinuteOf(p.closedAt.getTime()) : '',
      legs: legs
        .filter((l) => l.positionId === p.id)
        .map((l) => ({
          instrument: l.instrumentType === 'FUT' ? `${l.underlying}-${l.expiryDate}-FUT` : `${l.underlying}-${l.expiryDate}-${l.strike}-${l.instrumentType}`,
          side: l.side,
          quantity: own.filter((o) => o.purpose === 'ENTRY' && o.tradingSymbol === l.tradingSymbol).reduce((s, o) => s + o.filledQuantity, 0) || l.quantity,
          entryPrice: l.avgPricePaise / 100,
          exitPrice: l.exitPricePaise === null ? null : l.exitPricePaise / 100,
        })),
      netPnlPaise: p.realizedPnlPaise,
      chargesPaise: charges,
      exitReason: p.exitReason ?? 'CLOSED',
    };
  });
}
