import { neoOrderHistory, neoPositions } from './api/neo-reports.api';
import { KotakNeoError } from './errors/kotak-neo.error';
import { averagePricePaiseOf, netQuantityOf, positionMtmPaise } from './orders/neo-position-math';
import { NIFTY_CALL, NIFTY_LOT, NIFTY_PUT, kotakNeoTestKit, kotakOrderRequest, neoFixture, type KotakNeoTestKit } from './testing';

describe('Kotak reports: positions, funds, margin, history', () => {
  let kit: KotakNeoTestKit;
  beforeEach(async () => {
    kit = await kotakNeoTestKit();
  });
  afterEach(async () => kit.close());
  const client = (): KotakNeoTestKit['broker']['executionClient'] => kit.broker.executionClient;

  it('nets day and carried-forward quantities and averages the open side from their amounts', async () => {
    kit.server.seedPosition('NIFTY26AUG24500CE', 'NRML', -130, 120);
    await client().placeOrder(kotakOrderRequest({ limitPrice: 120.5 }));
    kit.server.fill({ tag: 'k0000000000000000001' });
    const [p] = await client().listPositions();
    expect(p).toEqual({ instrument: { ...NIFTY_CALL, tradingSymbol: 'NIFTY26AUG24500CE', instrumentToken: '35128' }, netQuantity: -195, averagePrice: 120.17, product: 'NRML' });
  });

  it('computes MTM from the LTP (Kotak sends no P&L): sold amount − bought amount + net × LTP', async () => {
    kit.server.seedPosition('NIFTY26AUG24500CE', 'NRML', -130, 120);
    await client().placeOrder(kotakOrderRequest({ limitPrice: 120.5 }));
    kit.server.fill({ tag: 'k0000000000000000001' });
    const session = await kit.broker.sessions.ensure();
    const [row] = await neoPositions(kit.broker.api, session);
    expect([netQuantityOf(row), averagePricePaiseOf(row)]).toEqual([-195, 12017]);
    expect(positionMtmPaise(row, 10_000)).toBe(1_560_000 + 783_250 - 195 * 10_000);
    expect(positionMtmPaise(row, 12_017)).toBe(1_560_000 + 783_250 - 195 * 12_017);
    expect(() => positionMtmPaise(row, 100.5)).toThrow(RangeError);
  });

  it('leaves flat positions out', async () => {
    await client().placeOrder(kotakOrderRequest({ side: 'SELL', limitPrice: 120 }));
    kit.server.fill({ tag: 'k0000000000000000001' });
    await client().placeOrder(kotakOrderRequest({ clientOrderId: 'k2', side: 'BUY', limitPrice: 118 }));
    kit.server.fill({ tag: 'k2' });
    await expect(client().listPositions()).resolves.toEqual([]);
  });

  it('reports funds from limits: Net is available, MarginUsed is used', async () => {
    kit.server.setFunds({ netPaise: 4_000_000_000, marginUsedPaise: 250_000_000 });
    await expect(client().availableMargin()).resolves.toEqual({ availablePaise: 4_000_000_000, usedPaise: 250_000_000, asOfMs: kit.clock.nowMs() });
    expect(kit.server.requests('limits')[0].form).toEqual({ seg: 'ALL', exch: 'ALL', prod: 'ALL' });
  });

  it('checks a strangle’s margin one leg per call and sums the legs (no spread benefit assumed)', async () => {
    const call = kotakOrderRequest({ limitPrice: 120.5 });
    const put = kotakOrderRequest({ clientOrderId: 'k2', instrument: NIFTY_PUT, limitPrice: 98.35 });
    const total = await client().checkMargin([call, put]);
    const single = 12 * 24500 * NIFTY_LOT; // 12% of strike × quantity, in paise (×100 ÷100)
    expect(total).toBe(2 * single);
    expect(await client().checkMargin([call])).toBe(single);
    const forms = kit.server.requests('margin').map((r) => r.form);
    expect(forms.slice(0, 2)).toEqual([
      { exSeg: 'nse_fo', prc: '120.5', prcTp: 'L', prod: 'NRML', qty: '65', tok: '35128', trnsTp: 'S', trgPrc: '0' },
      { exSeg: 'nse_fo', prc: '98.35', prcTp: 'L', prod: 'NRML', qty: '65', tok: '35129', trnsTp: 'S', trgPrc: '0' },
    ]);
  });

  it('tracks both strangle legs with one lagging: the call fills, the put rests, then fills', async () => {
    await client().placeOrder(kotakOrderRequest({ clientOrderId: 'kcall', limitPrice: 120.5 }));
    await client().placeOrder(kotakOrderRequest({ clientOrderId: 'kput', instrument: NIFTY_PUT, limitPrice: 98.35 }));
    kit.server.setQuote('NIFTY26AUG24500CE', { ltp: 121, bid: 120.6, ask: 121.1 });
    expect((await client().listOrders()).map((o) => [o.clientOrderId, o.state])).toEqual([
      ['kcall', 'FILLED'],
      ['kput', 'OPEN'],
    ]);
    expect((await client().listPositions()).map((p) => [p.instrument.optionType, p.netQuantity])).toEqual([['CE', -65]]);
    kit.server.setQuote('NIFTY26AUG24500PE', { ltp: 98.5, bid: 98.4, ask: 98.6 });
    expect((await client().listPositions()).map((p) => [p.instrument.optionType, p.netQuantity, p.averagePrice])).toEqual([
      ['CE', -65, 120.5],
      ['PE', -65, 98.35],
    ]);
    expect((await client().listTrades()).map((t) => t.clientOrderId)).toEqual(['kcall', 'kput']);
  });

  it('lists an order’s history newest first', async () => {
    const { brokerOrderId } = await client().placeOrder(kotakOrderRequest());
    kit.server.fill(brokerOrderId);
    const history = await neoOrderHistory(kit.broker.api, await kit.broker.sessions.ensure(), brokerOrderId);
    expect(history.map((h) => [h.status, h.filledQuantity])).toEqual([
      ['complete', 65],
      ['open', 0],
      ['open pending', 0],
      ['validation pending', 0],
      ['put order req received', 0],
    ]);
    expect(kit.server.requests('history')[0].form).toEqual({ nOrdNo: brokerOrderId });
  });

  it('reads Kotak’s "No Data" as empty books', async () => {
    await expect(client().listOrders()).resolves.toEqual([]);
    await expect(client().listTrades()).resolves.toEqual([]);
    await expect(client().listPositions()).resolves.toEqual([]);
    await expect(client().orderByTag('k1')).resolves.toBeUndefined();
  });

  it('keeps to F&O: other segments’ rows are left out; an F&O row outside the master is an error, not a guess', async () => {
    const fo = neoFixture<{ data: Record<string, unknown>[] }>('orders.book').data[0];
    const cash = { ...fo, exSeg: 'nse_cm', tok: '14366', trdSym: 'IDEA-EQ', nOrdNo: '260810000000009' };
    kit.server.inject('orders', { type: 'RESPOND', status: 200, body: { stat: 'Ok', stCode: 200, data: [cash, fo] } });
    expect((await client().listOrders()).map((o) => o.instrument.tradingSymbol)).toEqual(['NIFTY26AUG24500CE']);
    const stranger = { ...fo, tok: '99999', trdSym: 'NIFTY26AUG99999CE' };
    kit.server.inject('orders', { type: 'RESPOND', status: 200, body: { stat: 'Ok', stCode: 200, data: [stranger] } });
    const error = await client()
      .listOrders()
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(KotakNeoError);
    expect([(error as KotakNeoError).kind, (error as KotakNeoError).reason]).toEqual(['UNKNOWN', 'NOT_IN_MASTER']);
  });
});
