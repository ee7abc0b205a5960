import { BrokerError, placeOrderOutcome } from '@mcube/domain';
import { CALL, LOT, orderRequest, paperKit, rejectionKind, sym } from './testing/paper-test-kit';

const crossing = () => [{ symbol: sym(CALL), lastPrice: 99, bid: 98.5, ask: 99, asOfMs: 0 }];

async function errorOf(promise: Promise<unknown>): Promise<BrokerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BrokerError) return error;
    throw error;
  }
  throw new Error('expected a BrokerError');
}

describe('paper broker fault injection', () => {
  describe('TIMEOUT_AFTER_ACCEPT', () => {
    it('rejects with TEMPORARY yet leaves exactly one live order findable by its tag', async () => {
      const { client } = await paperKit();
      client.injectFault({ mode: 'TIMEOUT_AFTER_ACCEPT' });
      const request = orderRequest();
      const error = await errorOf(client.placeOrder(request));
      expect(error.kind).toBe('TEMPORARY');
      expect(placeOrderOutcome(error.kind)).toBe('UNKNOWN');
      expect(await client.ordersByTag(request.clientOrderId)).toHaveLength(1);
      expect((await client.orderByTag(request.clientOrderId))?.state).toBe('OPEN');
      expect(await client.onMarket(crossing())).toHaveLength(1);
    });

    it('can reject with UNKNOWN after waiting the given delay', async () => {
      const waits: number[] = [];
      const { client } = await paperKit({ sleep: async (ms) => void waits.push(ms) });
      client.injectFault({ mode: 'TIMEOUT_AFTER_ACCEPT', kind: 'UNKNOWN', delayMs: 5000 });
      expect(await rejectionKind(client.placeOrder(orderRequest()))).toBe('UNKNOWN');
      expect(waits).toEqual([5000]);
    });

    it('exposes a blind resubmit: the same tag then has two orders at the broker', async () => {
      const { client } = await paperKit();
      client.injectFault({ mode: 'TIMEOUT_AFTER_ACCEPT' });
      const request = orderRequest();
      await rejectionKind(client.placeOrder(request));
      await client.placeOrder(request);
      expect(await client.ordersByTag(request.clientOrderId)).toHaveLength(2);
    });
  });

  it('SERVER_ERROR_5XX rejects with TEMPORARY and stores no order', async () => {
    const { client, store } = await paperKit();
    client.injectFault({ mode: 'SERVER_ERROR_5XX', status: 502 });
    const request = orderRequest();
    const error = await errorOf(client.placeOrder(request));
    expect([error.kind, error.details.brokerCode]).toEqual(['TEMPORARY', '502']);
    expect(await client.orderByTag(request.clientOrderId)).toBeUndefined();
    expect(store.saves).toBe(0);
  });

  it('REJECT rejects with REJECTED and the reason, storing nothing', async () => {
    const { client, store } = await paperKit();
    client.injectFault({ mode: 'REJECT', reason: 'RMS: blocked scrip' });
    const error = await errorOf(client.placeOrder(orderRequest()));
    expect([error.kind, error.message]).toEqual(['REJECTED', 'RMS: blocked scrip']);
    expect(store.saves).toBe(0);
  });

  it('RATE_LIMITED rejects with RATE_LIMITED and a retry-after, storing nothing', async () => {
    const { client, store } = await paperKit();
    client.injectFault({ mode: 'RATE_LIMITED', retryAfterMs: 250 });
    const error = await errorOf(client.placeOrder(orderRequest()));
    expect([error.kind, error.details.retryAfterMs]).toEqual(['RATE_LIMITED', 250]);
    expect(store.saves).toBe(0);
  });

  it('DELAYED_FILL holds a crossing order for the given number of passes', async () => {
    const { client } = await paperKit();
    client.injectFault({ mode: 'DELAYED_FILL', passes: 2 });
    await client.placeOrder(orderRequest());
    expect(await client.onMarket(crossing())).toHaveLength(0);
    expect(await client.onMarket(crossing())).toHaveLength(0);
    expect(await client.onMarket(crossing())).toHaveLength(1);
  });

  it('DELAYED_FILL with a time holds the order until the clock has moved on', async () => {
    const { client, clock } = await paperKit();
    client.injectFault({ mode: 'DELAYED_FILL', passes: 0, ms: 3000 });
    await client.placeOrder(orderRequest());
    clock.advance(2999);
    expect(await client.onMarket(crossing())).toHaveLength(0);
    clock.advance(1);
    expect(await client.onMarket(crossing())).toHaveLength(1);
  });

  it('FILL_AFTER_CANCEL acknowledges the cancel and still reports the late fill on the next pass', async () => {
    const { client, updates } = await paperKit();
    client.injectFault({ mode: 'FILL_AFTER_CANCEL' });
    const ack = await client.placeOrder(orderRequest({ quantity: 2 * LOT, limitPrice: 95 }));
    await client.cancelOrder(ack);
    expect((await client.orderByTag(ack.clientOrderId))?.state).toBe('CANCELED');
    // The market is far from the limit: the fill happened at the exchange before the cancel arrived.
    const late = await client.onMarket([]);
    expect(late.map((t) => [t.brokerOrderId, t.quantity, t.price])).toEqual([[ack.brokerOrderId, 2 * LOT, 95]]);
    expect(updates.map((u) => (u.type === 'ORDER' ? u.order.state : 'TRADE'))).toEqual(['OPEN', 'CANCELED', 'TRADE', 'FILLED']);
    expect((await client.listPositions())[0]?.netQuantity).toBe(2 * LOT);
  });

  it('REJECT_AFTER_ACCEPT accepts the order, then the next pass reports it REJECTED with the reason and fills nothing', async () => {
    const { client, updates } = await paperKit();
    client.injectFault({ mode: 'REJECT_AFTER_ACCEPT', reason: 'exchange: price band (test)' });
    const ack = await client.placeOrder(orderRequest());
    expect((await client.orderByTag(ack.clientOrderId))?.state).toBe('OPEN');
    // The market crosses the limit: without the fault this pass would fill it.
    expect(await client.onMarket(crossing())).toHaveLength(0);
    expect(await client.orderByTag(ack.clientOrderId)).toMatchObject({ state: 'REJECTED', rejectReason: 'exchange: price band (test)', filledQuantity: 0 });
    expect(updates.map((u) => (u.type === 'ORDER' ? u.order.state : 'TRADE'))).toEqual(['OPEN', 'REJECTED']);
    expect(await client.listPositions()).toEqual([]);
    // A cancel now is refused: the order is over.
    await expect(client.cancelOrder(ack)).rejects.toMatchObject({ kind: 'REJECTED' });
  });

  it('a cancel without the fault is final: no fill arrives', async () => {
    const { client } = await paperKit();
    const ack = await client.placeOrder(orderRequest());
    await client.cancelOrder(ack);
    expect(await client.onMarket(crossing())).toHaveLength(0);
  });

  it('a one-shot fault hits only the next order', async () => {
    const { client } = await paperKit();
    client.injectFault({ mode: 'SERVER_ERROR_5XX' });
    expect(await rejectionKind(client.placeOrder(orderRequest()))).toBe('TEMPORARY');
    await expect(client.placeOrder(orderRequest())).resolves.toBeDefined();
  });

  it('a fault for the next N orders hits exactly N', async () => {
    const { client } = await paperKit();
    client.injectFault({ mode: 'REJECT', times: 2 });
    const kinds = [];
    for (let i = 0; i < 3; i += 1) kinds.push(await client.placeOrder(orderRequest()).then(() => 'OK', (e: BrokerError) => e.kind));
    expect(kinds).toEqual(['REJECTED', 'REJECTED', 'OK']);
  });

  it('a persistent fault targeted by tag pattern hits only matching tags, every time', async () => {
    const { client } = await paperKit();
    client.injectFault({ mode: 'RATE_LIMITED', tag: /^strangle-/, times: 'ALWAYS' });
    expect(await rejectionKind(client.placeOrder(orderRequest({ clientOrderId: 'strangle-1' })))).toBe('RATE_LIMITED');
    await expect(client.placeOrder(orderRequest({ clientOrderId: 'futures-1' }))).resolves.toBeDefined();
    expect(await rejectionKind(client.placeOrder(orderRequest({ clientOrderId: 'strangle-2' })))).toBe('RATE_LIMITED');
    client.clearFaults();
    await expect(client.placeOrder(orderRequest({ clientOrderId: 'strangle-3' }))).resolves.toBeDefined();
  });

  it('a bad request is rejected as bad without using up a fault', async () => {
    const { client } = await paperKit();
    client.injectFault({ mode: 'SERVER_ERROR_5XX' });
    expect(await rejectionKind(client.placeOrder(orderRequest({ quantity: 1 })))).toBe('REJECTED');
    expect(await rejectionKind(client.placeOrder(orderRequest()))).toBe('TEMPORARY');
  });

  it('refuses a fault with a bad use count', async () => {
    const { client } = await paperKit();
    expect(() => client.injectFault({ mode: 'REJECT', times: 0 })).toThrow(RangeError);
  });
});
