import { asArray, asObject, breezeDate, breezeDateTime, count, decimal, optText, text } from './breeze-fields';
import type { BreezeExecution, BreezeTradeBookRow } from './breeze-raw.types';
import { actionOf, parseContractFields } from './parse-contract-fields';

/** The trade book (`trades` GET with from/to dates); null (no data) → []. */
export function parseTradeBook(success: unknown): readonly BreezeTradeBookRow[] {
  if (success === null) return [];
  return asArray(success, '$.Success').map((row, i) => {
    const path = `$.Success[${i}]`;
    const o = asObject(row, path);
    return {
      ...parseContractFields(o, path),
      orderId: text(o, 'order_id', path),
      action: actionOf(o, path),
      quantity: count(o, 'quantity', path),
      averageCost: decimal(o, 'average_cost', path),
      tradeDate: breezeDate(text(o, 'trade_date', path), `${path}.trade_date`),
    };
  });
}

/** The executions of one order (`trades` GET with order_id); null (no data) → []. */
export function parseTradeDetail(success: unknown): readonly BreezeExecution[] {
  if (success === null) return [];
  return asArray(success, '$.Success').map((row, i) => {
    const path = `$.Success[${i}]`;
    const o = asObject(row, path);
    return {
      tradeId: text(o, 'trade_id', path),
      exchangeTradeId: optText(o, 'exchange_trade_id', path),
      action: actionOf(o, path),
      quantity: count(o, 'executed_quantity', path),
      price: decimal(o, 'execution_price', path),
      executedAtMs: breezeDateTime(text(o, 'exchange_trade_time', path), `${path}.exchange_trade_time`),
      stockCode: text(o, 'stock_code', path).toUpperCase(),
      exchangeCode: text(o, 'exchange_code', path).toUpperCase(),
    };
  });
}
