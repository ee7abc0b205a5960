import { mulDivPaise, notionalPaise, type BrokerInstrument, type OrderSide, type Paise } from '@mcube/domain';
import type { PaperPosition } from './paper-book.types';

/** The book key of an instrument and product: one net position per key. */
export function positionKeyOf(instrument: BrokerInstrument, product: 'NRML' | 'MIS'): string {
  const contract = instrument.kind === 'FUT' ? 'FUT' : `${instrument.strike}-${instrument.optionType}`;
  return `${instrument.underlying}|${instrument.expiry}|${contract}|${product}`;
}

/** One fill as the position sees it. */
export interface PositionFill {
  readonly instrument: BrokerInstrument;
  readonly product: 'NRML' | 'MIS';
  readonly side: OrderSide;
  readonly quantity: number;
  /** Rupees. */
  readonly price: number;
  readonly chargesPaise: Paise;
  readonly atMs: number;
}

/**
 * The position after one fill (netting). Adding to the position (or opening it) adds
 * price × quantity to the open value; reducing it takes the matching share of the open value
 * (all of it when the position closes, so a round trip is exact to the paisa) and books
 * realised P&L: sale proceeds − cost for a long, sale proceeds − buy-back cost for a short.
 * A fill larger than the position closes it and opens the rest the other way at the fill price.
 */
export function applyFillToPosition(position: PaperPosition | undefined, fill: PositionFill): PaperPosition {
  const key = positionKeyOf(fill.instrument, fill.product);
  const net = position?.netQuantity ?? 0;
  let openValue = position?.openValuePaise ?? 0;
  let realised = position?.realisedPaise ?? 0;
  const signed = fill.side === 'BUY' ? fill.quantity : -fill.quantity;
  let newNet: number;
  if (net === 0 || Math.sign(net) === Math.sign(signed)) {
    newNet = net + signed;
    openValue += notionalPaise(fill.price, fill.quantity);
  } else {
    const closing = Math.min(fill.quantity, Math.abs(net));
    // Closing everything takes exactly the whole open value (n/n), so pieces always add up.
    const costShare = mulDivPaise(openValue, closing, Math.abs(net));
    const tradeValue = notionalPaise(fill.price, closing);
    realised += net > 0 ? tradeValue - costShare : costShare - tradeValue;
    openValue -= costShare;
    const rest = fill.quantity - closing;
    newNet = net + Math.sign(signed) * closing;
    if (rest > 0) {
      newNet = Math.sign(signed) * rest;
      openValue = notionalPaise(fill.price, rest);
    }
  }
  return {
    key,
    instrument: fill.instrument,
    product: fill.product,
    netQuantity: newNet,
    openValuePaise: openValue,
    realisedPaise: realised,
    chargesPaise: (position?.chargesPaise ?? 0) + fill.chargesPaise,
    updatedAtMs: fill.atMs,
  };
}

/** Average price (rupees) of the open quantity; 0 when flat. */
export function averageOpenPrice(position: Pick<PaperPosition, 'netQuantity' | 'openValuePaise'>): number {
  if (position.netQuantity === 0) return 0;
  return position.openValuePaise / Math.abs(position.netQuantity) / 100;
}
