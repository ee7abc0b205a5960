import type { BreezeFnoContract } from '../../instruments/security-master.types';
import type { FakeExecution, FakeOrder } from './fake-breeze-book';
import { istDate, templateRow, wireDate, wireDateTime } from './fake-breeze-wire';

/** The Breeze contract fields of a contract, as records spell them. */
function contractFields(c: BreezeFnoContract) {
  return {
    stock_code: c.shortName,
    exchange_code: 'NFO',
    product_type: c.optionType ? 'Options' : 'Futures',
    expiry_date: wireDate(c.expiry),
    right: c.optionType === 'CE' ? 'Call' : c.optionType === 'PE' ? 'Put' : 'Others',
  };
}

/** An order-book row: the recorded template with this order's values. */
export function orderRow(o: FakeOrder): Record<string, unknown> {
  const pending = ['Ordered', 'Partially Executed', 'Requested'].includes(o.status) ? o.quantity - o.filled : 0;
  return {
    ...templateRow('order.list.success.json'),
    order_id: o.orderId,
    exchange_order_id: o.status === 'Requested' ? null : o.exchangeOrderId,
    ...contractFields(o.contract),
    strike_price: o.contract.strike ?? 0.0,
    action: o.action,
    order_type: 'Limit',
    quantity: String(o.quantity),
    price: o.price.toFixed(2),
    validity: o.validity,
    average_price: o.filled > 0 ? String(Math.round(o.averagePrice * 100) / 100) : '0',
    cancelled_quantity: String(o.cancelled),
    pending_quantity: String(pending),
    status: o.status,
    user_remark: o.remark,
    order_datetime: wireDateTime(o.orderAtMs),
  };
}

/** A trade-book row (one per execution; the book has no trade id). */
export function tradeBookRow(e: FakeExecution, o: FakeOrder): Record<string, unknown> {
  return {
    ...templateRow('trades.list.success.json'),
    trade_date: wireDate(istDate(e.atMs)),
    ...contractFields(o.contract),
    strike_price: o.contract.strike === undefined ? '0' : String(o.contract.strike),
    action: o.action,
    quantity: String(e.quantity),
    average_cost: e.price.toFixed(2),
    order_id: o.orderId,
  };
}

/** A trade-detail row (one execution of one order). */
export function tradeDetailRow(e: FakeExecution, o: FakeOrder): Record<string, unknown> {
  return {
    ...templateRow('trades.detail.success.json'),
    exchange_trade_id: e.exchangeTradeId,
    executed_quantity: String(e.quantity),
    action: e.action === 'Buy' ? 'B' : 'S',
    execution_price: String(e.price),
    stock_code: o.contract.shortName,
    exchange_code: 'NFO',
    trade_id: e.tradeId,
    exchange_trade_time: wireDateTime(e.atMs, true),
  };
}

/** Net positions per contract from the executions, with `pnl` null as Breeze usually sends it. */
export function positionRows(orders: readonly FakeOrder[], executions: readonly FakeExecution[], ltpOf: (c: BreezeFnoContract) => number | undefined): Record<string, unknown>[] {
  const byContract = new Map<BreezeFnoContract, { buyQty: number; buyValue: number; sellQty: number; sellValue: number }>();
  for (const e of executions) {
    const order = orders.find((o) => o.orderId === e.orderId);
    if (!order) continue;
    const net = byContract.get(order.contract) ?? { buyQty: 0, buyValue: 0, sellQty: 0, sellValue: 0 };
    if (e.action === 'Buy') {
      net.buyQty += e.quantity;
      net.buyValue += e.quantity * e.price;
    } else {
      net.sellQty += e.quantity;
      net.sellValue += e.quantity * e.price;
    }
    byContract.set(order.contract, net);
  }
  return [...byContract].map(([c, n]) => {
    const qty = n.buyQty - n.sellQty;
    const average = qty > 0 ? n.buyValue / n.buyQty : qty < 0 ? n.sellValue / n.sellQty : 0;
    const ltp = ltpOf(c) ?? average;
    return {
      ...templateRow('portfoliopositions.success.json'),
      ...contractFields(c),
      strike_price: c.strike === undefined ? '0' : String(c.strike),
      action: qty > 0 ? 'Buy' : qty < 0 ? 'Sell' : 'NA',
      quantity: String(Math.abs(qty)),
      average_price: String(Math.round(average * 100) / 100),
      ltp: String(ltp),
      price: String(Math.round(average * 100) / 100),
      stock_index_indicator: c.instrumentName.endsWith('IDX') ? 'Index' : 'Stock',
      underlying: c.shortName,
      pnl: null,
    };
  });
}
