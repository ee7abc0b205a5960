import { istDateTimeOf, type Clock } from '@mcube/domain';
import type { FakeNeoContract } from './fake-neo-master';
import { FakeNeoPositions } from './fake-neo-positions';

/** A quote the test sets; prices in paise. */
export interface FakeNeoQuote {
  readonly ltpPaise: number;
  readonly bidPaise?: number;
  readonly askPaise?: number;
  readonly bidQty?: number;
  readonly askQty?: number;
  readonly openInterest?: number;
  readonly volume?: number;
  readonly closePaise?: number;
}

/** One order at the fake broker. `status` is Kotak's word. */
export interface FakeNeoOrder {
  readonly orderNo: string;
  readonly tag?: string;
  readonly contract: FakeNeoContract;
  readonly side: 'B' | 'S';
  readonly product: string;
  readonly validity: string;
  quantity: number;
  filled: number;
  limitPaise: number;
  /** Sum of fill quantity × price, for the average. */
  filledValuePaise: number;
  status: string;
  rejectReason?: string;
  readonly enteredAtMs: number;
  updatedAtMs: number;
  /** Every status the order went through, oldest first, with the fill count at the time. */
  readonly history: { status: string; filled: number; filledValuePaise: number; atMs: number }[];
}

/** One fill. */
export interface FakeNeoFill {
  readonly orderNo: string;
  readonly fillId: string;
  readonly tag?: string;
  readonly contract: FakeNeoContract;
  readonly side: 'B' | 'S';
  readonly product: string;
  readonly quantity: number;
  readonly pricePaise: number;
  readonly atMs: number;
}

const WORKING = new Set(['put order req received', 'validation pending', 'open pending', 'open', 'modified', 'cancel pending']);

/**
 * The fake broker's order book: orders rest until the test fills them (`fill`) or a quote
 * crosses their limit (`setQuote`, when `fillOnCross`); a marketable order fills at the touch
 * when placed, a resting one at its limit. IOC leftovers are cancelled. Positions follow
 * the fills; `newTradingDay` expires the day's working orders and carries positions forward.
 */
export class FakeNeoBook {
  private list: FakeNeoOrder[] = [];
  private fillList: FakeNeoFill[] = [];
  readonly positions = new FakeNeoPositions();
  private readonly quotes = new Map<string, FakeNeoQuote>();
  private orderSeq = 0;
  private fillSeq = 207_983_700;

  constructor(
    private readonly clock: Clock,
    private readonly opts: { fillOnCross: boolean; ackStatus: 'open' | 'open pending' },
  ) {}

  orders(): readonly FakeNeoOrder[] {
    return this.list;
  }

  order(orderNo: string): FakeNeoOrder | undefined {
    return this.list.find((o) => o.orderNo === orderNo);
  }

  fills(): readonly FakeNeoFill[] {
    return this.fillList;
  }

  quote(key: string): FakeNeoQuote | undefined {
    return this.quotes.get(key.toLowerCase());
  }

  isWorking(order: FakeNeoOrder): boolean {
    return WORKING.has(order.status);
  }

  place(p: { contract: FakeNeoContract; side: 'B' | 'S'; product: string; validity: string; quantity: number; limitPaise: number; tag?: string }): FakeNeoOrder {
    const now = this.clock.nowMs();
    const date = istDateTimeOf(now).date.replace(/-/g, '').slice(2);
    this.orderSeq += 1;
    const order: FakeNeoOrder = { ...p, orderNo: `${date}${String(this.orderSeq).padStart(9, '0')}`, filled: 0, filledValuePaise: 0, status: 'put order req received', enteredAtMs: now, updatedAtMs: now, history: [] };
    this.list.push(order);
    for (const s of ['put order req received', 'validation pending', 'open pending']) this.setStatus(order, s);
    if (this.opts.ackStatus === 'open') this.setStatus(order, 'open');
    this.matchAtPlacement(order);
    return order;
  }

  /** Moves a pending order to 'open' (the exchange acknowledged it). */
  acknowledge(order: FakeNeoOrder): void {
    if (order.status === 'open pending') this.setStatus(order, 'open');
  }

  modify(order: FakeNeoOrder, quantity: number, limitPaise: number): void {
    order.quantity = quantity;
    order.limitPaise = limitPaise;
    this.setStatus(order, 'modified');
    this.setStatus(order, 'open');
    this.matchAtPlacement(order);
  }

  /** Cancels at once, or (`hold`) leaves the order 'cancel pending' until `confirmCancel`. */
  cancel(order: FakeNeoOrder, hold = false): void {
    this.setStatus(order, hold ? 'cancel pending' : 'cancelled');
  }

  /** The exchange confirms a held cancel. */
  confirmCancel(order: FakeNeoOrder): void {
    if (order.status === 'cancel pending') this.setStatus(order, 'cancelled');
  }

  /** The exchange refuses a working order after the broker's ack (RMS, price band…). */
  reject(order: FakeNeoOrder, reason: string): void {
    order.rejectReason = reason;
    this.setStatus(order, 'rejected');
  }

  /** Fills `quantity` (default all that is left) at `pricePaise` (default the limit). */
  fill(order: FakeNeoOrder, quantity = order.quantity - order.filled, pricePaise = order.limitPaise): FakeNeoFill {
    if (!this.isWorking(order)) throw new Error(`order ${order.orderNo} is ${order.status}, it cannot fill`);
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > order.quantity - order.filled) throw new Error(`cannot fill ${quantity} of order ${order.orderNo}`);
    this.fillSeq += 1;
    const fill: FakeNeoFill = { orderNo: order.orderNo, fillId: String(this.fillSeq), tag: order.tag, contract: order.contract, side: order.side, product: order.product, quantity, pricePaise, atMs: this.clock.nowMs() };
    this.fillList.push(fill);
    order.filled += quantity;
    order.filledValuePaise += quantity * pricePaise;
    this.positions.addFill(order.contract, order.product, order.side, quantity, pricePaise);
    const pendingCancel = order.status === 'cancel pending';
    this.setStatus(order, order.filled === order.quantity ? 'complete' : pendingCancel ? 'cancel pending' : 'open');
    return fill;
  }

  /** Sets the quote of a token or an index name; resting orders of that token it crosses fill at their limit. */
  setQuote(key: string, quote: FakeNeoQuote): FakeNeoFill[] {
    this.quotes.set(key.toLowerCase(), quote);
    if (!this.opts.fillOnCross) return [];
    const fills: FakeNeoFill[] = [];
    for (const o of this.list) {
      if (o.contract.token === key && this.isWorking(o) && o.status !== 'open pending' && this.crosses(o, quote)) fills.push(this.fill(o));
    }
    return fills;
  }

  /** The next trading day: working orders expire, positions carry forward, expired contracts settle. */
  newTradingDay(date: string): void {
    for (const o of this.list) if (this.isWorking(o)) this.setStatus(o, 'expired');
    this.list = [];
    this.fillList = [];
    this.positions.carryForward(date);
  }

  private crosses(o: FakeNeoOrder, q: FakeNeoQuote): boolean {
    const touch = o.side === 'B' ? (q.askPaise ?? q.ltpPaise) : (q.bidPaise ?? q.ltpPaise);
    return touch > 0 && (o.side === 'B' ? touch <= o.limitPaise : touch >= o.limitPaise);
  }

  private matchAtPlacement(o: FakeNeoOrder): void {
    const q = this.quotes.get(o.contract.token.toLowerCase());
    if (this.opts.fillOnCross && q && o.status === 'open' && this.crosses(o, q)) {
      this.fill(o, o.quantity - o.filled, o.side === 'B' ? (q.askPaise ?? q.ltpPaise) : (q.bidPaise ?? q.ltpPaise));
    }
    if (o.validity === 'IOC' && this.isWorking(o)) this.setStatus(o, 'cancelled');
  }

  private setStatus(order: FakeNeoOrder, status: string): void {
    order.status = status;
    order.updatedAtMs = this.clock.nowMs();
    order.history.push({ status, filled: order.filled, filledValuePaise: order.filledValuePaise, atMs: order.updatedAtMs });
  }
}
