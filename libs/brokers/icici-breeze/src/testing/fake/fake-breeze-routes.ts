import type { IsoDate } from '@mcube/domain';
import type { BreezeFnoContract } from '../../instruments/security-master.types';
import { FakeBreezeBook, FakeBreezeRefusal } from './fake-breeze-book';
import type { FakeBreezeMarket } from './fake-breeze-market';
import { orderRow, positionRows, tradeBookRow, tradeDetailRow } from './fake-breeze-rows';
import { fail, fixture, istDate, ok, requestDate } from './fake-breeze-wire';

/** Funds the fake reports, rupees (Breeze's own unit). */
export interface FakeBreezeFunds {
  bankBalance: number;
  allocatedEquity: number;
  allocatedFno: number;
  blockedFno: number;
  unallocated: number;
}

/** What the route handlers work on. */
export interface FakeBreezeState {
  readonly book: FakeBreezeBook;
  readonly market: FakeBreezeMarket;
  readonly funds: FakeBreezeFunds;
  readonly now: () => number;
  readonly ltpOf: (c: BreezeFnoContract) => number | undefined;
}

type Body = Readonly<Record<string, unknown>>;

/** Handles one authenticated v1 call and returns the envelope to send. */
export function routeV1(state: FakeBreezeState, endpoint: string, method: string, body: Body): unknown {
  try {
    return dispatch(state, endpoint, method, body);
  } catch (e) {
    if (e instanceof FakeBreezeRefusal) return fail(e.message);
    throw e;
  }
}

function dispatch(state: FakeBreezeState, endpoint: string, method: string, body: Body): unknown {
  const { book } = state;
  const key = `${method} ${endpoint}`;
  switch (key) {
    case 'POST order': {
      const order = book.place(body, istDate(state.now()).replace(/-/g, ''));
      return { ...fixture<Record<string, unknown>>('order.place.success.json'), Success: { order_id: order.orderId, message: 'Successfully Placed the order', user_remark: '' } };
    }
    case 'PUT order':
      return { ...fixture<Record<string, unknown>>('order.modify.success.json'), Success: { message: 'Successfully Modified the order', order_id: book.modify(body).orderId } };
    case 'DELETE order':
      return { ...fixture<Record<string, unknown>>('order.cancel.success.json'), Success: { order_id: book.cancel(String(body['order_id'])).orderId, message: 'Your Order Canceled successfully.' } };
    case 'GET order': {
      if (body['order_id'] !== undefined) return ok([orderRow(book.find(String(body['order_id'])))]);
      const rows = book.ordersBetween(String(body['exchange_code']), dateOf(body['from_date']), dateOf(body['to_date']), istDate).map(orderRow);
      return rows.length > 0 ? ok(rows) : fail('No Data Found');
    }
    case 'GET trades': {
      if (body['order_id'] !== undefined) {
        const order = book.find(String(body['order_id']));
        const rows = book.executions.filter((e) => e.orderId === order.orderId).map((e) => tradeDetailRow(e, order));
        return rows.length > 0 ? ok(rows) : fail('No Data Found');
      }
      const from = dateOf(body['from_date']);
      const to = dateOf(body['to_date']);
      const rows = book.executions.filter((e) => istDate(e.atMs) >= from && istDate(e.atMs) <= to).map((e) => tradeBookRow(e, book.find(e.orderId)));
      return rows.length > 0 ? ok(rows) : fail('No Data Found');
    }
    case 'GET portfoliopositions': {
      const rows = positionRows(book.orders, book.executions, state.ltpOf);
      return rows.length > 0 ? ok(rows) : fail('No Data Found');
    }
    case 'GET funds':
      return fundsEnvelope(state.funds);
    case 'POST funds':
      return allocate(state.funds, body);
    case 'GET margin': {
      const env = fixture<{ Success: Record<string, unknown> }>('margin.success.json');
      return { ...env, Success: { ...env.Success, cash_limit: state.funds.allocatedFno, amount_allocated: state.funds.allocatedFno, block_by_trade: state.funds.blockedFno } };
    }
    case 'POST margincalculator':
      return marginEstimate(body);
    case 'GET quotes':
      return ok(state.market.quoteRows(body) ?? []);
    case 'GET optionchain': {
      const rows = state.market.chainRows(body);
      return rows ? ok(rows) : fail('No Data Found');
    }
    default:
      return fail(`Resource ${method} ${endpoint} not found`, 404);
  }
}

function dateOf(value: unknown): IsoDate {
  const date = requestDate(value);
  if (!date) throw new FakeBreezeRefusal('From-Date cannot be empty');
  return date;
}

function fundsEnvelope(f: FakeBreezeFunds): unknown {
  const env = fixture<{ Success: Record<string, unknown> }>('funds.success.json');
  return { ...env, Success: { ...env.Success, total_bank_balance: f.bankBalance, allocated_equity: f.allocatedEquity, allocated_fno: f.allocatedFno, block_by_trade_fno: f.blockedFno, block_by_trade_balance: f.blockedFno, unallocated_balance: String(f.unallocated) } };
}

function allocate(f: FakeBreezeFunds, body: Body): unknown {
  const amount = Number(body['amount']);
  if (!/^\d+$/.test(String(body['amount'])) || amount <= 0) return fail('Amount should only contain digits');
  if (String(body['segment']).toUpperCase() !== 'FNO') return fail('The fake broker moves F&O funds only');
  if (body['transaction_type'] === 'credit') {
    if (amount > f.unallocated) return fail('Insufficient unallocated balance');
    f.unallocated -= amount;
    f.allocatedFno += amount;
  } else if (body['transaction_type'] === 'debit') {
    if (amount > f.allocatedFno - f.blockedFno) return fail('Insufficient free F&O balance');
    f.allocatedFno -= amount;
    f.unallocated += amount;
  } else return fail("Transaction-Type should be either 'debit' or 'credit'");
  return fixture('funds.set.success.json');
}

/** 12% of notional per leg: a stand-in for SPAN, enough to tell one basket from another. */
function marginEstimate(body: Body): unknown {
  const legs = Array.isArray(body['list_of_positions']) ? (body['list_of_positions'] as Record<string, unknown>[]) : [];
  if (legs.length === 0) return fail('list_of_positions cannot be empty');
  const value = legs.reduce((sum, l) => sum + Number(l['price']) * Number(l['quantity']), 0);
  const env = fixture<{ Success: Record<string, unknown> }>('margincalculator.success.json');
  return { ...env, Success: { ...env.Success, margin_calulation: legs, order_value: value.toFixed(2), span_margin_required: (value * 0.12).toFixed(2), non_span_margin_required: '0' } };
}
