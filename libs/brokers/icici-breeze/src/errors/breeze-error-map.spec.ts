import { BROKER_ERROR_KINDS, placeOrderOutcome } from '@mcube/domain';
import { brokerErrorOfEnvelope, brokerErrorOfHttpStatus } from './breeze-error-map';

describe('Breeze errors as BrokerError kinds', () => {
  it.each([
    ['Invalid session.', 'AUTH_EXPIRED', 'INVALID_SESSION'],
    ['Resource not available.', 'AUTH_EXPIRED', 'SESSION_EXPIRED'],
    ['Public Key does not exist.', 'AUTH_EXPIRED', 'UNKNOWN_APP_KEY'],
    ['Authentication Fail :: Invalid Checksum.', 'AUTH_EXPIRED', 'INVALID_CHECKSUM'],
    ['Invalid User Details', 'AUTH_EXPIRED', 'INVALID_USER'],
    ['Limit exceed: API call per day', 'RATE_LIMITED', 'RATE_LIMITED'],
    ['Insufficient balance in F&O segment', 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS'],
    ['Error while calling service, Please contact admin (T2:154)', 'TEMPORARY', 'BROKER_UNAVAILABLE'],
    ['Order has already been executed and cannot be modified.', 'REJECTED', 'ORDER_NOT_OPEN'],
    ['Order cannot be cancelled as it is already Executed', 'REJECTED', 'ORDER_NOT_OPEN'],
    ['Market orders are not permitted through API; place a limit order', 'REJECTED', 'NOT_PERMITTED'],
    ['Quantity should be in multiples of lot size 65', 'REJECTED', 'BAD_REQUEST'],
    ['No Data Found', 'REJECTED', 'BAD_REQUEST'],
  ] as const)('%s → %s', (text, kind, code) => {
    const error = brokerErrorOfEnvelope('place order', text, 500);
    expect(error.kind).toBe(kind);
    expect(error.details).toMatchObject({ broker: 'ICICI', brokerCode: code });
    expect(error.message).toContain(text);
  });

  it('an unrecognised text is UNKNOWN, so a placement answered with it is settled by remark, not retried', () => {
    const error = brokerErrorOfEnvelope('place order', 'Ghost in the machine', 500);
    expect(error.kind).toBe('UNKNOWN');
    expect(placeOrderOutcome(error.kind)).toBe('UNKNOWN');
  });

  it('maps HTTP statuses without an envelope', () => {
    expect(brokerErrorOfHttpStatus('x', 429, '7')).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 7000 } });
    expect(brokerErrorOfHttpStatus('x', 429, 'Wed, 21 Oct 2026 07:28:00 GMT').details.retryAfterMs).toBeUndefined();
    expect(brokerErrorOfHttpStatus('x', 401, undefined).kind).toBe('AUTH_EXPIRED');
    expect(brokerErrorOfHttpStatus('x', 502, undefined).kind).toBe('TEMPORARY');
    expect(brokerErrorOfHttpStatus('x', 408, undefined).kind).toBe('TEMPORARY');
    expect(brokerErrorOfHttpStatus('x', 404, undefined).kind).toBe('REJECTED');
  });

  it('reaches every BrokerError kind from some Breeze answer', () => {
    const kinds = new Set([
      ...['Invalid session.', 'Limit exceed', 'Insufficient margin', 'Error while calling service', 'Invalid Stock Code', 'huh'].map((t) => brokerErrorOfEnvelope('x', t, 500).kind),
    ]);
    expect([...kinds].sort()).toEqual([...BROKER_ERROR_KINDS].sort());
  });
});
