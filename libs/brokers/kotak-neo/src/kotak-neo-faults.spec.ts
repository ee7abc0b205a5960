import { isRetryableRead, placeOrderOutcome } from '@mcube/domain';
import { KotakNeoError, STATIC_IP_MESSAGE } from './errors/kotak-neo.error';
import { kotakNeoTestKit, kotakOrderRequest, masterWithLotSize, neoFaults, type FakeNeoFault, type KotakNeoTestKit } from './testing';

async function failure(p: Promise<unknown>): Promise<KotakNeoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KotakNeoError) return e;
    throw e;
  }
  throw new Error('resolved instead of failing');
}

const TAG = 'k0000000000000000001';

describe('Kotak faults on placing an order', () => {
  let kit: KotakNeoTestKit;
  beforeEach(async () => {
    kit = await kotakNeoTestKit();
  });
  afterEach(async () => kit.close());
  const client = (): KotakNeoTestKit['broker']['executionClient'] => kit.broker.executionClient;

  it('leaves the outcome unknown on a timeout after Kotak took the order, and the tag settles it: exactly one order', async () => {
    kit.server.inject('place', neoFaults.timeoutAfterAccept());
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason]).toEqual(['TEMPORARY', 'TIMEOUT']);
    expect(placeOrderOutcome(error.kind)).toBe('UNKNOWN');
    const found = await client().orderByTag(TAG);
    expect(found).toMatchObject({ clientOrderId: TAG, state: 'OPEN', brokerOrderId: kit.server.orders()[0].orderNo });
    expect(kit.server.requests('place')).toHaveLength(1);
    expect(kit.server.ordersByTag(TAG)).toHaveLength(1);
  });

  it('leaves the outcome unknown on a timeout before Kotak took it, and the tag finds nothing', async () => {
    kit.server.inject('place', neoFaults.timeout());
    expect(placeOrderOutcome((await failure(client().placeOrder(kotakOrderRequest()))).kind)).toBe('UNKNOWN');
    await expect(client().orderByTag(TAG)).resolves.toBeUndefined();
    expect(kit.server.orders()).toEqual([]);
  });

  it.each([
    ['a 502 after Kotak took the order', neoFaults.serverError(502, true), 'TEMPORARY', 'SERVER_ERROR', 1],
    ['a 503 before Kotak took it', neoFaults.serverError(503, false), 'TEMPORARY', 'SERVER_ERROR', 0],
    ['an unreadable 200 after Kotak took the order', neoFaults.malformedJson(true), 'UNKNOWN', 'MALFORMED_RESPONSE', 1],
  ] as [string, FakeNeoFault, string, string, number][])('keeps the outcome unknown on %s and settles it by tag, never by resending', async (_label, fault, kind, reason, atBroker) => {
    kit.server.inject('place', fault);
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason]).toEqual([kind, reason]);
    expect(placeOrderOutcome(error.kind)).toBe('UNKNOWN');
    expect(kit.server.requests('place')).toHaveLength(1);
    const found = await client().orderByTag(TAG);
    expect(found === undefined ? 0 : 1).toBe(atBroker);
    expect(kit.server.ordersByTag(TAG)).toHaveLength(atBroker);
  });

  it('rejects as not placed on 429, with the broker’s Retry-After', async () => {
    kit.server.inject('place', neoFaults.rateLimited(2));
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.details.retryAfterMs]).toEqual(['RATE_LIMITED', 2_000]);
    expect(placeOrderOutcome(error.kind)).toBe('NOT_PLACED');
    expect(kit.server.orders()).toEqual([]);
  });

  it('treats stat Not_Ok with HTTP 200 as a refusal (not placed)', async () => {
    kit.server.inject('place', neoFaults.notOk(1005, 'please provide valid order details'));
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason, error.neoCode, error.httpStatus]).toEqual(['REJECTED', 'BROKER_REJECTED', '1005', 200]);
    expect(kit.server.orders()).toEqual([]);
  });

  it('halts on an unregistered static IP with the words the trader must read', async () => {
    kit.server.setStaticIpRegistered(false);
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason, error.neoCode]).toEqual(['AUTH_EXPIRED', 'STATIC_IP_NOT_REGISTERED', '100008']);
    expect(error.halt).toEqual({ critical: true, message: STATIC_IP_MESSAGE });
    expect(placeOrderOutcome(error.kind)).toBe('NOT_PLACED');
    expect(kit.server.orders()).toEqual([]);
    expect(kit.server.loginAttempts().filter((a) => a.step === 'MPIN')).toHaveLength(1);
  });

  it('halts when Kotak refuses algo orders (1017)', async () => {
    kit.server.setAlgoOrdersAllowed(false);
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason, error.neoCode]).toEqual(['REJECTED', 'ALGO_ORDER_NOT_ALLOWED', '1017']);
    expect(error.halt?.critical).toBe(true);
    expect(kit.server.orders()).toEqual([]);
  });

  it('passes Kotak’s refusal through when its master disagrees with ours (lot size changed at the broker)', async () => {
    const served = kit.server.servedMaster();
    kit.server.setMaster({ ...served, nseFo: masterWithLotSize(served.nseFo, 'NIFTY', 75) });
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason, error.neoCode]).toEqual(['REJECTED', 'INVALID_INSTRUMENT', '1009']);
    expect(error.message).toMatch(/valid quantity/);
  });

  it('refuses a repeated tag when Kotak enforces unique tags (stCode 32)', async () => {
    kit.server.setUniqueTags(true);
    await client().placeOrder(kotakOrderRequest());
    const error = await failure(client().placeOrder(kotakOrderRequest()));
    expect([error.kind, error.neoCode]).toEqual(['REJECTED', '32']);
    expect(kit.server.orders()).toHaveLength(1);
  });

  it('still answers within the deadline when Kotak is slow but in time', async () => {
    kit.server.inject('place', { type: 'DELAY', ms: 100 });
    await expect(client().placeOrder(kotakOrderRequest())).resolves.toMatchObject({ clientOrderId: TAG });
  });
});

describe('Kotak faults on reads', () => {
  let kit: KotakNeoTestKit;
  beforeEach(async () => {
    kit = await kotakNeoTestKit();
  });
  afterEach(async () => kit.close());
  const client = (): KotakNeoTestKit['broker']['executionClient'] => kit.broker.executionClient;

  it.each([
    ['the order book on 503', 'orders', neoFaults.serverError(503), 'TEMPORARY', true],
    ['the trade book on 429', 'trades', neoFaults.rateLimited(1), 'RATE_LIMITED', true],
    ['positions on an unreadable 200', 'positions', neoFaults.malformedJson(), 'UNKNOWN', false],
    ['limits on Not_Ok with HTTP 200', 'limits', neoFaults.notOk(1005, 'could not fetch limits'), 'REJECTED', false],
    ['the order book on a timeout', 'orders', neoFaults.timeout(), 'TEMPORARY', true],
  ] as const)('reports %s in the port vocabulary', async (_label, endpoint, fault, kind, retryable) => {
    kit.server.inject(endpoint, fault);
    const read = { orders: () => client().listOrders(), trades: () => client().listTrades(), positions: () => client().listPositions(), limits: () => client().availableMargin() }[endpoint];
    const error = await failure(read());
    expect(error.kind).toBe(kind);
    expect(isRetryableRead(error.kind)).toBe(retryable);
    await expect(read()).resolves.toBeDefined();
  });

  it('never returns a half-parsed order book: one bad row fails the whole read', async () => {
    await client().placeOrder(kotakOrderRequest());
    const good = await client().listOrders();
    expect(good).toHaveLength(1);
    kit.server.inject('orders', { type: 'RESPOND', status: 200, body: { stat: 'Ok', stCode: 200, data: [{ nOrdNo: '1', ordSt: 'open' }] } });
    expect((await failure(client().listOrders())).reason).toBe('MALFORMED_RESPONSE');
  });
});
