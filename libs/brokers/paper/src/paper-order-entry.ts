import { orderInstrumentOf, type BrokerError, type IsoDate, type PlaceOrderRequest } from '@mcube/domain';
import { paperError } from './paper-broker-error';
import type { PaperBookCounters, PaperOrder } from './paper-book.types';
import type { PaperFault } from './paper-faults';

/**
 * The stored form of an accepted request: OPEN, nothing filled, the next order sequence and
 * an id `<prefix>-O-<8-digit sequence>`. Returns the order and the advanced counters.
 */
export function newPaperOrder(input: { request: PlaceOrderRequest; counters: PaperBookCounters; atMs: number; today: IsoDate; idPrefix: string }): { order: PaperOrder; counters: PaperBookCounters } {
  const { request, atMs } = input;
  const counters = { ...input.counters, orders: input.counters.orders + 1 };
  const order: PaperOrder = {
    brokerOrderId: `${input.idPrefix}-O-${String(counters.orders).padStart(8, '0')}`,
    clientOrderId: request.clientOrderId,
    accountId: request.accountId,
    // The id and segment only: the paper broker names a contract by its own rules (quote symbol, contract rules) from the id.
    instrument: orderInstrumentOf(request.instrument, request.instrument.segment),
    side: request.side,
    quantity: request.quantity,
    limitPrice: request.limitPrice,
    product: request.product,
    validity: request.validity,
    state: 'OPEN',
    filledQuantity: 0,
    filledValuePaise: 0,
    tradeDate: input.today,
    sequence: counters.orders,
    placedAtMs: atMs,
    updatedAtMs: atMs,
  };
  return { order, counters };
}

/** The error a refusing fault (RATE_LIMITED, SERVER_ERROR_5XX, REJECT) makes `placeOrder` reject with. */
export function refusalError(fault: Extract<PaperFault, { mode: 'RATE_LIMITED' | 'SERVER_ERROR_5XX' | 'REJECT' }>): BrokerError {
  switch (fault.mode) {
    case 'RATE_LIMITED':
      return paperError('RATE_LIMITED', 'too many requests (injected fault)', { brokerCode: '429', retryAfterMs: fault.retryAfterMs ?? 1000 });
    case 'SERVER_ERROR_5XX':
      return paperError('TEMPORARY', `server error ${fault.status ?? 503} (injected fault)`, { brokerCode: String(fault.status ?? 503) });
    case 'REJECT':
      return paperError('REJECTED', fault.reason ?? 'rejected by the paper RMS (injected fault)', { brokerCode: 'RMS' });
  }
}

/** The error `placeOrder` rejects with under TIMEOUT_AFTER_ACCEPT (after the order was stored). */
export function timeoutError(fault: Extract<PaperFault, { mode: 'TIMEOUT_AFTER_ACCEPT' }>): BrokerError {
  return paperError(fault.kind ?? 'TEMPORARY', 'the order request timed out (injected fault): its outcome is unknown', { brokerCode: 'TIMEOUT' });
}
