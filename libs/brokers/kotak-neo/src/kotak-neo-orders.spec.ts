import { KotakNeoError } from './errors/kotak-neo.error';
import { NIFTY_CALL, NIFTY_LOT, kotakNeoTestKit, kotakOrderRequest, neoFaults, type KotakNeoTestKit } from './testing';

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

describe('Kotak orders: place, modify, cancel, fills', () => {
  let kit: KotakNeoTestKit;
  beforeEach(async () => {
    kit = await kotakNeoTestKit();
  });
  afterEach(async () => kit.close());
  const client = (): KotakNeoTestKit['broker']['executionClient'] => kit.broker.executionClient;

  it('places one LIMIT order as form jData of strings with the clientOrderId in ig', async () => {
    const ack = await client().placeOrder(kotakOrderRequest());
    const [req] = kit.server.requests('place');
    expect(req.host).toBe('trade');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['authorization']).toBe(kit.server.account.consumerKey);
    expect(req.form).toEqual({ am: 'NO', dq: '0', es: 'nse_fo', mp: '0', pc: 'NRML', pf: 'N', pr: '120.5', pt: 'L', qt: '65', rt: 'DAY', tp: '0', ts: 'NIFTY26AUG24500CE', tt: 'S', ig: TAG, os: 'NEOTRADEAPI' });
    expect(ack).toEqual({ clientOrderId: TAG, brokerOrderId: kit.server.orders()[0].orderNo });
    expect(await client().orderByTag(TAG)).toEqual({
      brokerOrderId: ack.brokerOrderId,
      clientOrderId: TAG,
      instrument: { ...NIFTY_CALL, tradingSymbol: 'NIFTY26AUG24500CE', instrumentToken: '35128' },
      side: 'SELL',
      quantity: 65,
      limitPrice: 120.5,
      state: 'OPEN',
      filledQuantity: 0,
      updatedAtMs: kit.clock.nowMs(),
    });
  });

  it('reports partial fills as OPEN with the filled quantity and average, then FILLED, with one trade per fill', async () => {
    await client().placeOrder(kotakOrderRequest({ quantity: 3 * NIFTY_LOT }));
    kit.server.fill({ tag: TAG }, { quantity: NIFTY_LOT, price: 120.5 });
    kit.clock.advance(1_000);
    kit.server.fill({ tag: TAG }, { quantity: NIFTY_LOT, price: 121 });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'OPEN', filledQuantity: 130, averagePrice: 120.75 });
    kit.server.fill({ tag: TAG });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'FILLED', filledQuantity: 195 });
    const trades = await client().listTrades();
    expect(trades.map((t) => [t.quantity, t.price, t.clientOrderId, t.instrument.instrumentToken])).toEqual([
      [65, 120.5, TAG, '35128'],
      [65, 121, TAG, '35128'],
      [65, 120.5, TAG, '35128'],
    ]);
    expect(new Set(trades.map((t) => t.tradeId)).size).toBe(3);
    expect(trades[1].occurredAtMs - trades[0].occurredAtMs).toBe(1_000);
  });

  it('modifies price and quantity of a working order, repeating its terms as Kotak wants', async () => {
    const { brokerOrderId } = await client().placeOrder(kotakOrderRequest({ side: 'BUY', limitPrice: 100 }));
    await client().modifyOrder({ brokerOrderId, limitPrice: 101.5 });
    expect(kit.server.requests('modify')[0].form).toEqual({
      no: brokerOrderId,
      tk: '35128',
      es: 'nse_fo',
      ts: 'NIFTY26AUG24500CE',
      tt: 'B',
      pc: 'NRML',
      pt: 'L',
      pr: '101.5',
      qt: '65',
      tp: '0',
      dq: '0',
      mp: '0',
      dd: 'NA',
      vd: 'DAY',
      am: 'NO',
      os: 'NEOTRADEAPI',
    });
    await client().modifyOrder({ brokerOrderId, quantity: 2 * NIFTY_LOT });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'OPEN', limitPrice: 101.5, quantity: 130 });
  });

  it('refuses to modify off tick, off lot or a completed order without sending anything', async () => {
    const { brokerOrderId } = await client().placeOrder(kotakOrderRequest({ side: 'BUY', limitPrice: 100 }));
    expect((await failure(client().modifyOrder({ brokerOrderId, limitPrice: 100.02 }))).reason).toBe('INVALID_REQUEST');
    expect((await failure(client().modifyOrder({ brokerOrderId, quantity: 100 }))).reason).toBe('INVALID_REQUEST');
    kit.server.fill(brokerOrderId);
    expect((await failure(client().modifyOrder({ brokerOrderId, limitPrice: 101 }))).reason).toBe('ORDER_COMPLETE');
    expect((await failure(client().modifyOrder({ brokerOrderId: '999', limitPrice: 101 }))).kind).toBe('REJECTED');
    expect(kit.server.requests('modify')).toEqual([]);
  });

  it('cancels a working order by its number', async () => {
    const { brokerOrderId } = await client().placeOrder(kotakOrderRequest());
    await client().cancelOrder({ brokerOrderId, clientOrderId: TAG });
    expect(kit.server.requests('cancel')[0].form).toEqual({ on: brokerOrderId, am: 'NO' });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'CANCELED', filledQuantity: 0 });
  });

  it('reports a partly filled order that was then cancelled as CANCELED with its fill', async () => {
    const { brokerOrderId } = await client().placeOrder(kotakOrderRequest({ quantity: 2 * NIFTY_LOT }));
    kit.server.fill(brokerOrderId, { quantity: NIFTY_LOT });
    await client().cancelOrder({ brokerOrderId, clientOrderId: TAG });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'CANCELED', filledQuantity: 65, averagePrice: 120.5 });
  });

  it('reports an order the exchange rejected after Kotak acknowledged it', async () => {
    const ack = await client().placeOrder(kotakOrderRequest());
    kit.server.reject({ tag: TAG }, 'RMS:Margin Exceeds,Required:191500.00, Available:1000.00');
    expect(await client().orderByTag(TAG)).toMatchObject({ brokerOrderId: ack.brokerOrderId, state: 'REJECTED', rejectReason: 'RMS:Margin Exceeds,Required:191500.00, Available:1000.00', filledQuantity: 0 });
  });

  it('answers a cancel that lost the race to a fill with REJECTED/ORDER_COMPLETE, and the fill is there', async () => {
    const { brokerOrderId } = await client().placeOrder(kotakOrderRequest());
    kit.server.inject('cancel', neoFaults.fillFirst());
    const error = await failure(client().cancelOrder({ brokerOrderId, clientOrderId: TAG }));
    expect([error.kind, error.reason, error.neoCode]).toEqual(['REJECTED', 'ORDER_COMPLETE', '1021']);
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'FILLED', filledQuantity: 65 });
    expect((await client().listTrades()).map((t) => t.brokerOrderId)).toEqual([brokerOrderId]);
  });

  it('keeps an order whose cancel was accepted working until the exchange confirms, and takes a fill that arrives meanwhile', async () => {
    const first = await client().placeOrder(kotakOrderRequest({ quantity: 2 * NIFTY_LOT }));
    kit.server.inject('cancel', neoFaults.holdCancel());
    await client().cancelOrder({ brokerOrderId: first.brokerOrderId, clientOrderId: TAG });
    expect((await client().orderByTag(TAG))?.state).toBe('OPEN');
    kit.server.fill(first.brokerOrderId, { quantity: NIFTY_LOT });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'OPEN', filledQuantity: 65 });
    kit.server.confirmCancel(first.brokerOrderId);
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'CANCELED', filledQuantity: 65 });
    expect(await client().listTrades()).toHaveLength(1);
  });

  it('shows an order not yet at the exchange as PENDING until it is acknowledged', async () => {
    await kit.close();
    kit = await kotakNeoTestKit({ server: { ackStatus: 'open pending' } });
    await client().placeOrder(kotakOrderRequest());
    expect((await client().orderByTag(TAG))?.state).toBe('PENDING');
    kit.server.acknowledge({ tag: TAG });
    expect((await client().orderByTag(TAG))?.state).toBe('OPEN');
  });

  it('fills a resting order when the market crosses its limit, and a marketable one at the touch', async () => {
    await client().placeOrder(kotakOrderRequest({ side: 'BUY', limitPrice: 110 }));
    kit.server.setQuote('NIFTY26AUG24500CE', { ltp: 112, bid: 111.9, ask: 112.1 });
    expect((await client().orderByTag(TAG))?.state).toBe('OPEN');
    kit.server.setQuote('NIFTY26AUG24500CE', { ltp: 109.5, bid: 109.4, ask: 109.6 });
    expect(await client().orderByTag(TAG)).toMatchObject({ state: 'FILLED', averagePrice: 110 });
    await client().placeOrder(kotakOrderRequest({ clientOrderId: 'k2', side: 'BUY', limitPrice: 115 }));
    expect(await client().orderByTag('k2')).toMatchObject({ state: 'FILLED', averagePrice: 109.6 });
  });

  it('cancels what an IOC order could not fill at once', async () => {
    await client().placeOrder(kotakOrderRequest({ validity: 'IOC', side: 'BUY', limitPrice: 100 }));
    expect(kit.server.requests('place')[0].form?.['rt']).toBe('IOC');
    expect((await client().orderByTag(TAG))?.state).toBe('CANCELED');
  });

  it.each([
    ['a part lot', { quantity: 100 }, 'INVALID_REQUEST'],
    ['more than the freeze quantity', { quantity: 28 * NIFTY_LOT }, 'INVALID_REQUEST'],
    ['a price off the 0.05 tick', { limitPrice: 120.52 }, 'INVALID_REQUEST'],
    ['a zero price', { limitPrice: 0 }, 'INVALID_REQUEST'],
    ['a strike Kotak does not list', { instrument: { ...NIFTY_CALL, strike: 24525 } }, 'NOT_IN_MASTER'],
    ['an expiry Kotak does not list', { instrument: { ...NIFTY_CALL, expiry: '2026-08-27' } }, 'NOT_IN_MASTER'],
    ['a tag with spaces', { clientOrderId: 'k 1' }, 'INVALID_REQUEST'],
    ['a CNC product', { product: 'CNC' as 'NRML' }, 'INVALID_REQUEST'],
  ])('refuses %s before sending anything', async (_label, over, reason) => {
    const error = await failure(client().placeOrder(kotakOrderRequest(over)));
    expect([error.kind, error.reason]).toEqual(['REJECTED', reason]);
    expect(kit.server.requests('place')).toEqual([]);
  });

  it('knows no order for a tag Kotak has not seen', async () => {
    await client().placeOrder(kotakOrderRequest());
    await expect(client().orderByTag('k-unknown')).resolves.toBeUndefined();
  });
});
