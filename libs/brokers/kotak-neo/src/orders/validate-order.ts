import { paiseOfPrice, type IntentInstrument, type PlaceOrderRequest } from '@mcube/domain';
import { KotakNeoError } from '../errors/kotak-neo.error';
import type { KotakContract } from '../instruments/kotak-contract';
import type { KotakInstrumentLookup } from '../instruments/kotak-instrument.lookup';

const refuse = (message: string, reason: 'INVALID_REQUEST' | 'NOT_IN_MASTER' = 'INVALID_REQUEST'): KotakNeoError =>
  new KotakNeoError('REJECTED', `not sent to Kotak: ${message}`, { reason });

/** Our instrument in words, for messages. */
export function describeInstrument(i: IntentInstrument): string {
  return i.kind === 'FUT' ? `${i.underlying} ${i.expiry} FUT` : `${i.underlying} ${i.expiry} ${i.strike ?? '?'} ${i.optionType ?? '?'}`;
}

/** Today's Kotak contract of an instrument, or REJECTED/NOT_IN_MASTER (nothing is sent). */
export function contractOrRefuse(lookup: KotakInstrumentLookup, instrument: IntentInstrument): KotakContract {
  const contract = instrument && typeof instrument === 'object' ? lookup.contractFor(instrument) : undefined;
  if (!contract) throw refuse(`${instrument ? describeInstrument(instrument) : 'no instrument'} is not in the Kotak instrument master`, 'NOT_IN_MASTER');
  return contract;
}

/**
 * Checks quantity and price against the contract as the exchange would (whole lots, at
 * most the freeze quantity, a LIMIT price > 0 on the contract's tick) and returns the price
 * in paise. REJECTED/INVALID_REQUEST before anything is sent.
 */
export function checkedPricePaise(contract: KotakContract, quantity: number, limitPrice: number): number {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw refuse(`quantity must be whole units ≥ 1, got ${quantity}`);
  if (quantity % contract.lotSize !== 0) throw refuse(`quantity ${quantity} is not a whole number of lots of ${contract.lotSize} (${contract.tradingSymbol})`);
  if (contract.freezeQuantity !== undefined && quantity > contract.freezeQuantity) {
    throw refuse(`quantity ${quantity} exceeds the freeze quantity ${contract.freezeQuantity} of ${contract.tradingSymbol}: slice it`);
  }
  if (typeof limitPrice !== 'number' || !Number.isFinite(limitPrice) || limitPrice <= 0) throw refuse(`a LIMIT price > 0 is required, got ${limitPrice}`);
  const paise = paiseOfPrice(limitPrice);
  const tickPaise = Math.round(contract.tickSize * 100);
  if (Math.abs(paise - limitPrice * 100) > 1e-6 || (tickPaise > 0 && paise % tickPaise !== 0)) {
    throw refuse(`price ${limitPrice} is not on the ${contract.tickSize} tick of ${contract.tradingSymbol}`);
  }
  return paise;
}

/** The request's own fields (everything but the instrument). */
export function checkRequestFields(request: PlaceOrderRequest): void {
  if (!request || typeof request !== 'object') throw refuse('no order request');
  if (typeof request.clientOrderId !== 'string' || !/^[\w.:-]{1,40}$/.test(request.clientOrderId)) throw refuse('clientOrderId must be 1–40 letters, digits or . : _ -');
  if (request.side !== 'BUY' && request.side !== 'SELL') throw refuse(`side must be BUY or SELL, got ${String(request.side)}`);
  if (request.product !== 'NRML' && request.product !== 'MIS') throw refuse(`product must be NRML or MIS, got ${String(request.product)}`);
  if (request.validity !== 'DAY' && request.validity !== 'IOC') throw refuse(`validity must be DAY or IOC, got ${String(request.validity)}`);
}
