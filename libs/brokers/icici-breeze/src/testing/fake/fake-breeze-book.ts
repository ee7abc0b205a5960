import type { IsoDate } from '@mcube/domain';
import type { BreezeFnoContract } from '../../instruments/security-master.types';
import { requestDate } from './fake-breeze-wire';

/** Breeze status words the fake uses. */
export type FakeOrderStatus = 'Requested' | 'Ordered' | 'Partially Executed' | 'Executed' | 'Rejected' | 'Expired' | 'Cancelled' | 'Partially Executed And Cancelled';

/** One order at the fake broker. */
export interface FakeOrder {
  readonly orderId: string;
  readonly exchangeOrderId: string;
  readonly contract: BreezeFnoContract;
  readonly action: 'Buy' | 'Sell';
  price: number;
  quantity: number;
  filled: number;
  cancelled: number;
  averagePrice: number;
  status: FakeOrderStatus;
  readonly remark: string;
  readonly validity: 'Day' | 'IoC';
  readonly orderAtMs: number;
  rejectReason?: string;
}

/** One execution (a fill) of an order. */
export interface FakeExecution {
  readonly orderId: string;
  readonly tradeId: string;
  readonly exchangeTradeId: string;
  readonly action: 'Buy' | 'Sell';
  readonly quantity: number;
  readonly price: number;
  readonly atMs: number;
}

/** A refusal the server answers with Breeze's error envelope. */
export class FakeBreezeRefusal extends Error {}

const OPEN: readonly FakeOrderStatus[] = ['Requested', 'Ordered', 'Partially Executed'];

/**
 * The fake's order book: orders rest (status Ordered) until a test fills, rejects or expires
 * them, or fill at once in `autoFill` mode. Quantities and prices are validated like Breeze's
 * (lot multiples, limit orders only, a listed contract).
 */
export class FakeBreezeBook {
  readonly orders: FakeOrder[] = [];
  readonly executions: FakeExecution[] = [];
  /** Fill every new order completely at its limit price. */
  autoFill = false;
  private seq = 0;
  private tradeSeq = 0;

  constructor(
    private readonly contracts: readonly BreezeFnoContract[],
    private readonly now: () => number,
  ) {}

  place(body: Readonly<Record<string, unknown>>, dayCode: string): FakeOrder {
    const contract = this.contractOf(body);
    const quantity = Number(body['quantity']);
    const price = Number(body['price']);
    if (String(body['order_type']).toLowerCase() !== 'limit') throw new FakeBreezeRefusal('Market orders are not permitted through API; place a limit order');
    if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity % contract.lotSize !== 0) throw new FakeBreezeRefusal(`Quantity should be in multiples of lot size ${contract.lotSize}`);
    if (!(price > 0)) throw new FakeBreezeRefusal('Price should be greater than 0');
    const action = String(body['action']).toLowerCase();
    if (action !== 'buy' && action !== 'sell') throw new FakeBreezeRefusal("Action should be either 'buy', or 'sell'");
    this.seq += 1;
    const order: FakeOrder = {
      orderId: `${dayCode}N5${String(this.seq).padStart(8, '0')}`,
      exchangeOrderId: String(1100000000000000 + this.seq),
      contract,
      action: action === 'buy' ? 'Buy' : 'Sell',
      price,
      quantity,
      filled: 0,
      cancelled: 0,
      averagePrice: 0,
      status: 'Ordered',
      remark: typeof body['user_remark'] === 'string' ? body['user_remark'] : '',
      validity: String(body['validity']).toLowerCase() === 'ioc' ? 'IoC' : 'Day',
      orderAtMs: this.now(),
    };
    this.orders.push(order);
    if (this.autoFill) this.fill(order.orderId, {});
    return order;
  }

  modify(body: Readonly<Record<string, unknown>>): FakeOrder {
    const order = this.find(String(body['order_id']));
    if (!OPEN.includes(order.status)) throw new FakeBreezeRefusal('Order has already been executed and cannot be modified.');
    if (body['quantity'] !== undefined) {
      const quantity = Number(body['quantity']);
      if (!Number.isSafeInteger(quantity) || quantity % order.contract.lotSize !== 0 || quantity <= order.filled) throw new FakeBreezeRefusal('Quantity should be in multiples of lot size and above the traded quantity');
      order.quantity = quantity;
    }
    if (body['price'] !== undefined) {
      const price = Number(body['price']);
      if (!(price > 0)) throw new FakeBreezeRefusal('Price should be greater than 0');
      order.price = price;
    }
    return order;
  }

  cancel(orderId: string): FakeOrder {
    const order = this.find(orderId);
    if (!OPEN.includes(order.status)) throw new FakeBreezeRefusal(`Order cannot be cancelled as it is already ${order.status}`);
    order.cancelled = order.quantity - order.filled;
    order.status = order.filled > 0 ? 'Partially Executed And Cancelled' : 'Cancelled';
    return order;
  }

  /** Fills `quantity` (default: all that is left) at `price` (default: the limit). Test control. */
  fill(ref: string, input: { readonly quantity?: number; readonly price?: number }): FakeExecution {
    const order = this.find(ref);
    if (!OPEN.includes(order.status)) throw new Error(`fake: order ${order.orderId} is ${order.status}, cannot fill`);
    const quantity = input.quantity ?? order.quantity - order.filled;
    const price = input.price ?? order.price;
    if (quantity <= 0 || order.filled + quantity > order.quantity) throw new Error(`fake: cannot fill ${quantity} of ${order.orderId}`);
    order.averagePrice = (order.averagePrice * order.filled + price * quantity) / (order.filled + quantity);
    order.filled += quantity;
    order.status = order.filled === order.quantity ? 'Executed' : 'Partially Executed';
    this.tradeSeq += 1;
    const execution = { orderId: order.orderId, tradeId: `2026/0820/${String(this.tradeSeq).padStart(8, '0')}`, exchangeTradeId: String(500000000 + this.tradeSeq), action: order.action, quantity, price, atMs: this.now() };
    this.executions.push(execution);
    return execution;
  }

  /** The exchange refuses a working order after Breeze acknowledged it. Test control. */
  reject(ref: string, reason = 'Order rejected by exchange'): void {
    const order = this.find(ref);
    if (!OPEN.includes(order.status) || order.filled > 0) throw new Error(`fake: order ${order.orderId} cannot be rejected now`);
    order.status = 'Rejected';
    order.rejectReason = reason;
  }

  /** End of day for a DAY order, or an IOC that found nothing. Test control. */
  expire(ref: string): void {
    const order = this.find(ref);
    if (!OPEN.includes(order.status)) throw new Error(`fake: order ${order.orderId} cannot expire now`);
    order.cancelled = order.quantity - order.filled;
    order.status = 'Expired';
  }

  /** An order by id or by remark (the clientOrderId). */
  find(ref: string): FakeOrder {
    const order = this.orders.find((o) => o.orderId === ref) ?? this.orders.find((o) => o.remark !== '' && o.remark === ref);
    if (!order) throw new FakeBreezeRefusal('No Data Found');
    return order;
  }

  /** How many orders carry this remark (the "one order at the broker" check). */
  countWithRemark(remark: string): number {
    return this.orders.filter((o) => o.remark === remark).length;
  }

  ordersBetween(exchange: string, from: IsoDate, to: IsoDate, dayOf: (ms: number) => IsoDate): readonly FakeOrder[] {
    return this.orders.filter((o) => exchange === 'NFO' && dayOf(o.orderAtMs) >= from && dayOf(o.orderAtMs) <= to);
  }

  private contractOf(body: Readonly<Record<string, unknown>>): BreezeFnoContract {
    if (String(body['exchange_code']).toUpperCase() !== 'NFO') throw new FakeBreezeRefusal('The fake broker takes NFO orders only');
    const product = String(body['product']).toLowerCase();
    const expiry = requestDate(body['expiry_date']);
    const right = String(body['right']).toLowerCase();
    const strike = Number(body['strike_price']);
    const optionType = right === 'call' ? 'CE' : right === 'put' ? 'PE' : undefined;
    const found = this.contracts.find(
      (c) => c.shortName === String(body['stock_code']).toUpperCase() && c.expiry === expiry && (product === 'futures' ? c.optionType === undefined : c.optionType === optionType && c.strike === strike),
    );
    if (!found) throw new FakeBreezeRefusal('Invalid Stock Code or contract details');
    return found;
  }
}
