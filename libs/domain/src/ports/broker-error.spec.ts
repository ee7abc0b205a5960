import { BROKER_ERROR_KINDS, BrokerError, isRetryableRead, placeOrderOutcome } from './broker-error';

describe('BrokerError', () => {
  it('carries its kind and details and is an Error', () => {
    const e = new BrokerError('AUTH_EXPIRED', 'session expired', { broker: 'KOTAK', brokerCode: '100022' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('BrokerError');
    expect(e.kind).toBe('AUTH_EXPIRED');
    expect(e.details.brokerCode).toBe('100022');
  });
});

describe('placeOrderOutcome', () => {
  it.each([
    ['TEMPORARY', 'UNKNOWN'],
    ['UNKNOWN', 'UNKNOWN'],
    ['REJECTED', 'NOT_PLACED'],
    ['INSUFFICIENT_FUNDS', 'NOT_PLACED'],
    ['AUTH_EXPIRED', 'NOT_PLACED'],
    ['RATE_LIMITED', 'NOT_PLACED'],
  ] as const)('treats a %s failure of placeOrder as %s', (kind, outcome) => {
    expect(placeOrderOutcome(kind)).toBe(outcome);
  });

  it('covers every kind', () => {
    expect(BROKER_ERROR_KINDS).toHaveLength(6);
    for (const k of BROKER_ERROR_KINDS) expect(['UNKNOWN', 'NOT_PLACED']).toContain(placeOrderOutcome(k));
  });
});

describe('isRetryableRead', () => {
  it('retries reads only after TEMPORARY and RATE_LIMITED failures', () => {
    expect(BROKER_ERROR_KINDS.filter(isRetryableRead)).toEqual(['TEMPORARY', 'RATE_LIMITED']);
  });
});
