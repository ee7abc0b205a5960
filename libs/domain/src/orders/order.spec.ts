import { DomainError } from '../errors/domain-error';
import { createOrder, summariseFills } from './order';
import { isOpen, isTerminal } from './order-status';
import { ORDER_STATUSES } from './order-types';

const base = {
  clientOrderId: 'co-1',
  accountId: 'A',
  instrumentId: 'I',
  side: 'BUY' as const,
  orderType: 'LIMIT' as const,
  purpose: 'ENTRY' as const,
  quantity: 65,
  limitPrice: 100,
  createdAtMs: 1_700_000_000_000,
};

describe('createOrder', () => {
  it('starts INITIALIZED with nothing filled and nothing unknown', () => {
    const o = createOrder(base);
    expect(o).toMatchObject({ status: 'INITIALIZED', filledQuantity: 0, fills: [], inFlightUnknown: false, updatedAtMs: base.createdAtMs });
    expect(o.averageFillPrice).toBeUndefined();
  });

  it.each([0, -65, 6.5, Number.NaN])('refuses a quantity of %p', (quantity) => {
    expect(() => createOrder({ ...base, quantity })).toThrow(DomainError);
  });

  it('refuses a LIMIT order without a positive price', () => {
    expect(() => createOrder({ ...base, limitPrice: undefined })).toThrow(DomainError);
    expect(() => createOrder({ ...base, limitPrice: 0 })).toThrow(DomainError);
  });

  it('refuses an empty client order id', () => {
    expect(() => createOrder({ ...base, clientOrderId: '' })).toThrow(DomainError);
  });
});

describe('summariseFills', () => {
  it('has no average price before the first fill', () => {
    expect(summariseFills([])).toEqual({ filledQuantity: 0 });
  });

  it('does not drift over many fills at a decimal price', () => {
    const fills = Array.from({ length: 1000 }, (_, i) => ({ tradeId: `t${i}`, quantity: 1, price: 0.1, occurredAtMs: 0 }));
    expect(summariseFills(fills).averageFillPrice).toBe(0.1);
  });
});

describe('isTerminal / isOpen', () => {
  const terminal = ['DENIED', 'REJECTED', 'FILLED', 'CANCELED', 'EXPIRED'];
  const open = ['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL'];

  it.each(ORDER_STATUSES)('classifies %s', (status) => {
    expect(isTerminal(status)).toBe(terminal.includes(status));
    expect(isOpen(status)).toBe(open.includes(status));
  });

  it('treats INITIALIZED as neither open nor terminal: it has not left mCube', () => {
    expect(isOpen('INITIALIZED')).toBe(false);
    expect(isTerminal('INITIALIZED')).toBe(false);
  });
});
