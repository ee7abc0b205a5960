import { brokerageFor } from '../costs/brokerage.defaults';
import { tradeCharges, type ChargeSegment } from '../costs/trade-charges';
import type { Paise } from '../money/paise';
import { istDateTimeOf } from '../time/ist-date';

/** One fill (execution) as the charge calculation needs it. */
export interface FillForCharges {
  /** The order it belongs to (brokerage is per executed order). */
  readonly orderId: string | number;
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  readonly pricePaise: Paise;
  /** What the broker reported with the fill (the paper broker: the domain cost model); 0 when none. */
  readonly chargesPaise: Paise;
  readonly occurredAtMs: number;
  readonly segment: ChargeSegment;
}

/** Charges of a set of fills, paise, split by where they come from. */
export interface FillCharges {
  /** Reported with the fills (already taken off the position's realised P&L by `applyFill`). */
  readonly storedPaise: Paise;
  /** Estimated for orders whose fills carry none (a live broker's trade reports have no charges). */
  readonly estimatedPaise: Paise;
}

/**
 * Charges of a set of fills. An order with any reported charge keeps its fills' reported
 * charges; an order without any is estimated with the statutory rates in force on each fill's
 * IST date (`tradeCharges`) plus the broker's flat brokerage once per executed order, so P&L is
 * always net of what the trades cost. The API's `chargesOfFills`, moved here unchanged.
 * @throws DomainError UNKNOWN_DATE for a fill outside the dated rate table.
 */
export function chargesOfFills(fills: readonly FillForCharges[], broker: 'KOTAK' | 'ICICI'): FillCharges {
  const byOrder = new Map<string | number, FillForCharges[]>();
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

/** A closed position's result, paise. */
export interface PositionResult {
  readonly grossPnlPaise: Paise;
  readonly chargesPaise: Paise;
  readonly netPnlPaise: Paise;
}

/**
 * The result of a position from its stored (net) realised P&L and its fills: gross = net +
 * the charges already taken off; charges = those + the estimate for fills that reported none;
 * net = gross − charges. The API's `resultOfPosition`, pure.
 * @throws DomainError UNKNOWN_DATE as `chargesOfFills`.
 */
export function positionResult(input: { readonly realizedPnlPaise: Paise; readonly fills: readonly FillForCharges[]; readonly broker: 'KOTAK' | 'ICICI' }): PositionResult {
  const { storedPaise, estimatedPaise } = chargesOfFills(input.fills, input.broker);
  const grossPnlPaise = input.realizedPnlPaise + storedPaise;
  const chargesPaise = storedPaise + estimatedPaise;
  return { grossPnlPaise, chargesPaise, netPnlPaise: grossPnlPaise - chargesPaise };
}
