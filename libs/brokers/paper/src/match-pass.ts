import { istDateTimeOf, type MarketQuote } from '@mcube/domain';
import type { ResolvedPaperConfig } from './paper-broker.config';
import type { PaperBookState } from './paper-book-state';
import type { PaperOrder, PaperTrade } from './paper-book.types';
import { planFill, touchOf } from './plan-fill';

/** What a match pass needs from the paper client. */
export interface MatchPassHost {
  readonly config: ResolvedPaperConfig;
  readonly book: PaperBookState;
  readonly holds: Map<string, { passesLeft: number; notBeforeMs: number }>;
  readonly lateFills: Set<string>;
  /** REJECT_AFTER_ACCEPT: live orders the next pass rejects, with the reason. */
  readonly lateRejects: Map<string, string>;
  now(): number;
  /** Ticks of slippage for the next fill (the configured model). */
  drawSlippageTicks(): number;
  fill(order: PaperOrder, quantity: number, price: number): Promise<PaperTrade>;
  closeOrder(order: PaperOrder, state: 'CANCELED' | 'EXPIRED'): Promise<void>;
  rejectOrder(order: PaperOrder, reason: string): Promise<void>;
}

/**
 * One match pass over the book, in this order:
 * 1. live orders placed on an earlier IST day EXPIRE (DAY validity);
 * 2. FILL_AFTER_CANCEL orders get their late fill: the rest, at the limit price;
 *    REJECT_AFTER_ACCEPT orders still live are REJECTED;
 * 3. live orders, in time priority, are matched against `quotes` (orders whose symbol has no
 *    quote wait): `planFill` decides; the displayed lots of a symbol and side are shared by
 *    the orders of the pass; a DELAYED_FILL hold sits the order out; an IOC order's unfilled
 *    rest is CANCELED once it has seen a quote.
 * Returns the trades made. Each event is stored on its own (a store failure stops the pass).
 */
export async function runMatchPass(host: MatchPassHost, quotes: ReadonlyMap<string, MarketQuote>): Promise<PaperTrade[]> {
  const { book, config } = host;
  const today = istDateTimeOf(host.now()).date;
  const trades: PaperTrade[] = [];
  for (const order of book.liveOrders()) if (order.tradeDate < today) await host.closeOrder(order, 'EXPIRED');

  for (const id of [...host.lateFills]) {
    host.lateFills.delete(id);
    const order = book.order(id);
    if (order && order.filledQuantity < order.quantity) trades.push(await host.fill(order, order.quantity - order.filledQuantity, order.limitPrice));
  }

  for (const [id, reason] of [...host.lateRejects]) {
    host.lateRejects.delete(id);
    const order = book.order(id);
    if (order && (order.state === 'OPEN' || order.state === 'PENDING')) await host.rejectOrder(order, reason);
  }

  const lotsLeft = new Map<string, number>();
  for (const order of book.liveOrders()) {
    const hold = host.holds.get(order.brokerOrderId);
    if (hold) {
      if (hold.passesLeft > 0) {
        hold.passesLeft -= 1;
        continue;
      }
      if (host.now() < hold.notBeforeMs) continue;
      host.holds.delete(order.brokerOrderId);
    }
    const symbol = config.quoteSymbolOf(order.instrument);
    const quote = quotes.get(symbol);
    if (!quote) continue;
    const rules = config.contractRules(order.instrument, order.tradeDate);
    const touch = touchOf(quote, rules.tickSize, config.syntheticHalfSpreadTicks);
    if (!touch) continue;
    const poolKey = `${symbol}|${order.side}`;
    const available = lotsLeft.get(poolKey) ?? config.displayedLotsPerPass;
    const plan = planFill({
      side: order.side,
      limitPrice: order.limitPrice,
      remaining: order.quantity - order.filledQuantity,
      lotSize: rules.lotSize,
      tick: rules.tickSize,
      touch,
      slippageTicks: host.drawSlippageTicks(),
      availableLots: available,
    });
    if (plan) {
      lotsLeft.set(poolKey, available - plan.quantity / rules.lotSize);
      trades.push(await host.fill(order, plan.quantity, plan.price));
    }
    const after = book.order(order.brokerOrderId);
    if (order.validity === 'IOC' && after && after.state === 'OPEN') await host.closeOrder(after, 'CANCELED');
  }
  return trades;
}
