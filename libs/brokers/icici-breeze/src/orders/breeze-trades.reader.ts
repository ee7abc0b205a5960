import type { BrokerTrade, IsoDate } from '@mcube/domain';
import type { BreezeInstrumentResolver } from '../instruments/breeze-instrument-resolver';
import type { BreezeExecution, BreezeOrderRecord } from '../parse/breeze-raw.types';
import { instrumentOf } from './breeze-order.mapping';
import type { BreezeTradingApi } from './breeze-trading.api';

/**
 * Today's executions. Breeze's trade book has no trade ids (one line per order or fill), the
 * trade detail of an order does; so the book says which orders traded and how much, and the
 * detail of an order is fetched again only when its traded quantity changed since the last
 * read (Breeze allows 100 calls a minute). A detail that lags the book is not cached.
 */
export class BreezeTradesReader {
  private readonly details = new Map<string, { readonly quantity: number; readonly executions: readonly BreezeExecution[] }>();
  private cachedDay: IsoDate | undefined;

  constructor(private readonly deps: { readonly api: BreezeTradingApi; readonly resolver: BreezeInstrumentResolver }) {}

  async trades(day: IsoDate, orders: readonly BreezeOrderRecord[]): Promise<readonly BrokerTrade[]> {
    if (this.cachedDay !== day) {
      this.details.clear();
      this.cachedDay = day;
    }
    const book = await this.deps.api.tradeList('NFO', day, day);
    const tradedByOrder = new Map<string, number>();
    for (const row of book) tradedByOrder.set(row.orderId, (tradedByOrder.get(row.orderId) ?? 0) + row.quantity);
    const byId = new Map(orders.map((o) => [o.orderId, o]));
    const out: BrokerTrade[] = [];
    for (const [orderId, quantity] of tradedByOrder) {
      const executions = await this.executionsOf(orderId, quantity);
      const order = byId.get(orderId);
      const fields = order ?? book.find((r) => r.orderId === orderId);
      if (!fields) continue;
      const instrument = instrumentOf(this.deps.resolver, fields, `trades of order ${orderId}`);
      for (const e of executions) {
        out.push({
          tradeId: `${orderId}/${e.tradeId}`,
          brokerOrderId: orderId,
          clientOrderId: order?.userRemark,
          instrument,
          side: e.action === 'buy' ? 'BUY' : 'SELL',
          quantity: e.quantity,
          price: e.price,
          occurredAtMs: e.executedAtMs,
        });
      }
    }
    return out.sort((a, b) => a.occurredAtMs - b.occurredAtMs || a.tradeId.localeCompare(b.tradeId));
  }

  private async executionsOf(orderId: string, booked: number): Promise<readonly BreezeExecution[]> {
    const cached = this.details.get(orderId);
    if (cached && cached.quantity === booked) return cached.executions;
    const executions = await this.deps.api.tradeDetail('NFO', orderId);
    const total = executions.reduce((sum, e) => sum + e.quantity, 0);
    if (total >= booked) this.details.set(orderId, { quantity: booked, executions });
    return executions;
  }
}
