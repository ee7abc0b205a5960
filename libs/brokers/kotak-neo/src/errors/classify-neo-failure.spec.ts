import { BROKER_ERROR_KINDS, placeOrderOutcome } from '@mcube/domain';
import { failureOfBody } from '../parse/neo-failure-body';
import { neoFixture } from '../testing/neo-fixtures';
import { classifyNeoAnswer } from './classify-neo-failure';
import { isHaltingError, KotakNeoError, STATIC_IP_MESSAGE } from './kotak-neo.error';

function answer(status: number, body: unknown, retryAfterHeader?: string): KotakNeoError | undefined {
  const jsonParsed = typeof body !== 'string';
  return classifyNeoAnswer({ what: 'placing an order', status, retryAfterHeader, json: jsonParsed ? body : undefined, jsonParsed, failure: jsonParsed ? failureOfBody(body) : undefined });
}

describe('Kotak answers in the port vocabulary', () => {
  it.each([
    ['HTTP 200 stat Ok', 200, neoFixture('order.ack')],
    ['HTTP 200 stat ok (lower case)', 200, { stat: 'ok', stCode: 200, data: [] }],
    ['HTTP 200 without stat (file paths)', 200, neoFixture('file-paths')],
    ['HTTP 200 quote list', 200, neoFixture<unknown[]>('quotes.index')],
    ['HTTP 200 login success', 200, neoFixture('login.trade.ok')],
  ])('sees no error in %s', (_label, status, body) => {
    expect(answer(status, body)).toBeUndefined();
  });

  it.each([
    ['invalid session (100022, stat not even Not_Ok)', 200, neoFixture('error.invalid-session'), 'AUTH_EXPIRED', 'SESSION_EXPIRED', false],
    ['IP not registered (100008)', 200, neoFixture('error.unauthorized'), 'AUTH_EXPIRED', 'STATIC_IP_NOT_REGISTERED', true],
    ['algo order not allowed (1017)', 200, neoFixture('error.algo-not-allowed'), 'REJECTED', 'ALGO_ORDER_NOT_ALLOWED', true],
    ['invalid instrument (1009)', 200, neoFixture('quotes.invalid-instrument'), 'REJECTED', 'INVALID_INSTRUMENT', false],
    ['order already complete (1021)', 200, neoFixture('error.order-complete'), 'REJECTED', 'ORDER_COMPLETE', false],
    ['no data (5203)', 200, neoFixture('error.no-data'), 'REJECTED', 'NO_DATA', false],
    ['an unknown Not_Ok code with HTTP 200', 200, neoFixture('error.core'), 'REJECTED', 'BROKER_REJECTED', false],
    ['an RMS margin refusal in words', 200, { stat: 'Not_Ok', stCode: 1040, errMsg: 'RMS:Margin Exceeds,Required:191500.00, Available:1000.00' }, 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS', false],
    ['a body stCode in the 5xx range', 200, { stat: 'Not_Ok', stCode: 502, errMsg: 'Not able to communicate with OMS' }, 'TEMPORARY', 'SERVER_ERROR', false],
    ['the error-array shape', 400, neoFixture('error.missing-header'), 'REJECTED', 'BROKER_REJECTED', false],
    ['HTTP 429', 429, { message: 'Too many requests' }, 'RATE_LIMITED', 'RATE_LIMITED', false],
    ['HTTP 500 with an HTML page', 500, '<html>oops</html>', 'TEMPORARY', 'SERVER_ERROR', false],
    ['HTTP 504 gateway timeout', 504, { message: 'Gateway timeout' }, 'TEMPORARY', 'SERVER_ERROR', false],
    ['HTTP 403 without a Kotak body', 403, '', 'AUTH_EXPIRED', 'SESSION_EXPIRED', false],
    ['HTTP 404', 404, { message: 'no route' }, 'REJECTED', 'INVALID_REQUEST', false],
    ['HTTP 200 with a body that is not JSON', 200, '{"stat":"Ok","nOrdNo":', 'UNKNOWN', 'MALFORMED_RESPONSE', false],
  ])('turns %s into its kind and reason', (_label, status, body, kind, reason, halts) => {
    const error = answer(status, body);
    expect(error).toBeInstanceOf(KotakNeoError);
    expect([error?.kind, error?.reason, isHaltingError(error)]).toEqual([kind, reason, halts]);
    expect(error?.details.broker).toBe('KOTAK');
  });

  it('says an unregistered IP in the words the trader must read, and halts', () => {
    const error = answer(200, neoFixture('error.unauthorized'));
    expect(error?.halt).toEqual({ critical: true, message: STATIC_IP_MESSAGE });
    expect(error?.message).toContain('orders must leave from the registered static IP');
    expect(error?.neoCode).toBe('100008');
    expect(error?.details.brokerCode).toBe('100008');
  });

  it('carries Retry-After of a 429 as retryAfterMs', () => {
    expect(answer(429, {}, '2')?.details.retryAfterMs).toBe(2000);
    expect(answer(429, {}, 'soon')?.details.retryAfterMs).toBeUndefined();
  });

  it('leaves the outcome of a send unknown only for 5xx, transport trouble and unreadable answers', () => {
    const placed = (status: number, body: unknown): string => placeOrderOutcome(answer(status, body)!.kind);
    expect(placed(503, '')).toBe('UNKNOWN');
    expect(placed(200, 'not json')).toBe('UNKNOWN');
    expect(placed(429, {})).toBe('NOT_PLACED');
    expect(placed(200, neoFixture('error.unauthorized'))).toBe('NOT_PLACED');
    expect(placed(200, neoFixture('error.algo-not-allowed'))).toBe('NOT_PLACED');
    expect(placed(200, neoFixture('error.invalid-session'))).toBe('NOT_PLACED');
    expect(BROKER_ERROR_KINDS).toContain(answer(200, neoFixture('error.core'))!.kind);
  });
});
