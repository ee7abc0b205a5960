import { brokerageFor, istDateTimeOf, tradeCharges, type ChargeSegment } from '@mcube/domain';

/** One fill (execution) as the charge calculation needs it. */
export interface FillForCharges {
  readonly orderId: number;
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  readonly pricePaise: number;
  /** As stored on the execution: what the broker reported (the paper broker: the domain cost model); 0 when none. */
  readonly chargesPaise: number;
  readonly occurredAtMs: number;
  readonly segment: ChargeSegment;
}

/** Charges of a set of fills, paise, split by where they come from. */
export interface FillCharges {
  /** Reported with the fills and stored on the executions (the orders module already took them off the position's realised P&L). */
  readonly storedPaise: number;
  /** Estimated here for orders whose fills carry none (a live broker's per-trade reports have no charges). */
  readonly estimatedPaise: number;
}

/**
 * Charges of a set of fills. An order whose fills carry stored charges keeps them; an order
 * without any is estimated with the statutory rates in force on each fill's IST date plus the
 * broker's flat brokerage once per executed order (DECISIONS §2), so P&L is always net of
 * what the trades cost. Throws the domain's UNKNOWN_DATE for a fill outside the rate table.
 */
export function chargesOfFills(fills: readonly FillForCharges[], broker: 'KOTAK' | 'ICICI'): FillCharges {
  const byOrder = new Map<number, FillForCharges[]>();
  for (const f of fills) byOrder.set(f.orderId, [...(byOrder.get(f.orderId) ?? []), f]);
  let storedPaise = 0;
  let estimatedPaise = 0;
  for (const orderFills of byOrder.values()) {
    if (orderFills.some((f) => f.chargesPaise > 0)) {
      storedPaise += orderFills.reduce((sum, f) => sum + f.chargesPaise, 0);
      continue;
    }
    orderFills.forEach((f, i) => {
      const brokeragePaise = i === 0 ? brokerageFor({ broker, segment: f.segment, orders: 1 }) : 0;
      estimatedPaise += tradeCharges({ date: istDateTimeOf(f.occurredAtMs).date, segment: f.segment, side: f.side, turnoverPaise: f.pricePaise * f.quantity, brokeragePaise }).totalPaise;
    });
  }
  return { storedPaise, estimatedPaise };
}
