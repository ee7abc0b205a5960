import { BrokerError } from '@mcube/domain';
import { brokerErrorOfEnvelope, brokerErrorOfHttpStatus, refusedBeforeSending } from './breeze-error-map';
import { breezeHaltOf } from './breeze-halt';

describe('which ICICI answers halt the account', () => {
  it.each([
    ['Invalid session.', /day's API session key/],
    ['Resource not available.', /day's API session key/],
    ['Public Key does not exist.', /day's API session key/],
    ['Authentication Fail :: Invalid Checksum.', /day's API session key/],
    ['Invalid User Details', /day's API session key/],
    ['Session key is expired, please login again', /day's API session key/],
    ['Request not allowed: IP address not registered', /registered with ICICI/],
  ])('%s → halt (CRITICAL)', (text, says) => {
    const halt = breezeHaltOf(brokerErrorOfEnvelope('place order', text, 500));
    expect(halt).toEqual({ critical: true, message: expect.stringMatching(says) });
    expect(halt?.message).toContain(text);
  });

  it('HTTP 401/403 and a missing or stale session halt too', () => {
    expect(breezeHaltOf(brokerErrorOfHttpStatus('order list', 401, undefined))?.critical).toBe(true);
    expect(breezeHaltOf(brokerErrorOfHttpStatus('order list', 403, undefined))?.critical).toBe(true);
    expect(breezeHaltOf(refusedBeforeSending('AUTH_EXPIRED', "no ICICI session: enter today's API session key", 'NO_SESSION'))?.critical).toBe(true);
    expect(breezeHaltOf(refusedBeforeSending('AUTH_EXPIRED', 'the ICICI session is from 2026-08-19', 'STALE_SESSION'))?.critical).toBe(true);
  });

  it.each([
    ['Insufficient balance in F&O segment'],
    ['Limit exceed: API call per day'],
    ['Error while calling service, Please contact admin (T2:154)'],
    ['Order has already been executed and cannot be modified.'],
    ['Ghost in the machine'],
  ])('%s → no halt', (text) => {
    expect(breezeHaltOf(brokerErrorOfEnvelope('place order', text, 500))).toBeUndefined();
  });

  it.each([
    ['API/algo orders not enabled', 'NOT_PERMITTED'],
    ['Algo trading is not activated for this client', 'NOT_PERMITTED'],
  ])('%s (a wording with no source) → an ordinary rejection of that call, no halt', (text, code) => {
    const error = brokerErrorOfEnvelope('place order', text, 500);
    expect([error.kind, error.details.brokerCode]).toEqual(['REJECTED', code]);
    expect(breezeHaltOf(error)).toBeUndefined();
  });

  it('ignores errors of other brokers and non-broker errors', () => {
    expect(breezeHaltOf(new BrokerError('AUTH_EXPIRED', 'x', { broker: 'KOTAK', brokerCode: 'INVALID_SESSION' }))).toBeUndefined();
    expect(breezeHaltOf(new Error('Invalid session.'))).toBeUndefined();
    expect(breezeHaltOf(brokerErrorOfHttpStatus('order list', 500, undefined))).toBeUndefined();
  });
});
