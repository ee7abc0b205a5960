import { createMasterLookup } from '../instruments/kotak-instrument.lookup';
import { parseFoMaster } from '../instruments/parse-fo-master';
import { KOTAK_TEST_DAY, NIFTY_LOT, kotakNeoTestKit, kotakOrderRequest, type KotakNeoTestKit } from './index';

async function raw(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

describe('the Kotak Neo stand-in server', () => {
  let kit: KotakNeoTestKit;
  afterEach(async () => kit.close());

  it('refuses trade calls without a live session (100022) and writes that are not jData of strings', async () => {
    kit = await kotakNeoTestKit();
    const noSession = await raw(`${kit.server.tradeUrl}/quick/user/orders`, { method: 'GET' });
    expect(noSession.body).toMatchObject({ stCode: 100022 });
    const session = kit.broker.sessions.current()!;
    const headers = { ...session.authHeaders(), 'content-type': 'application/x-www-form-urlencoded' };
    const numbers = await raw(`${kit.server.tradeUrl}/quick/order/cancel`, { method: 'POST', headers, body: `jData=${encodeURIComponent(JSON.stringify({ on: 1, am: 'NO' }))}` });
    expect(numbers).toMatchObject({ status: 400, body: { errMsg: 'invalid or missing field on' } });
    const json = await raw(`${kit.server.tradeUrl}/quick/order/cancel`, { method: 'POST', headers: { ...session.authHeaders(), 'content-type': 'application/json' }, body: '{"on":"1","am":"NO"}' });
    expect(json.status).toBe(400);
    const zero = await raw(`${kit.server.tradeUrl}/quick/order/rule/ms/place`, {
      method: 'POST',
      headers,
      body: `jData=${encodeURIComponent(JSON.stringify({ am: 'NO', dq: '0', es: 'nse_fo', mp: '0', pc: 'NRML', pf: 'N', pr: '0.0', pt: 'L', qt: '65', rt: 'DAY', tp: '0', ts: 'NIFTY26AUG24500CE', tt: 'S' }))}`,
    });
    expect(zero.body).toMatchObject({ stCode: 1009, errMsg: 'please provide valid price' });
  });

  it('serves trade calls only on the trade host and logins only on the login host', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    expect((await raw(`${kit.server.loginUrl}/quick/user/orders`, { method: 'GET' })).status).toBe(404);
    expect((await raw(`${kit.server.tradeUrl}/login/1.0/tradeApiLogin`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('carries open positions into the next day, expires working orders and ends sessions', async () => {
    kit = await kotakNeoTestKit();
    const client = kit.broker.executionClient;
    await client.placeOrder(kotakOrderRequest({ quantity: 2 * NIFTY_LOT, limitPrice: 120 }));
    kit.server.fill({ tag: 'k0000000000000000001' });
    await client.placeOrder(kotakOrderRequest({ clientOrderId: 'k2', limitPrice: 150 }));
    kit.clock.advance(24 * 3_600_000);
    kit.server.newTradingDay();
    expect(kit.server.orders()).toEqual([]);
    await kit.broker.login();
    await expect(client.listOrders()).resolves.toEqual([]);
    expect(await client.listPositions()).toEqual([expect.objectContaining({ netQuantity: -130, averagePrice: 120 })]);
    const [row] = (await kit.broker.api.http.request({ method: 'GET', url: `${kit.server.tradeUrl}/quick/user/positions`, headers: { ...kit.broker.sessions.current()!.authHeaders() }, timeoutMs: 1_000, maxResponseBytes: 100_000 }).then((r) => JSON.parse(r.text).data)) as Record<string, string>[];
    expect([row['cfSellQty'], row['cfSellAmt'], row['flSellQty']]).toEqual(['130', '15600.00', '0']);
  });

  it('settles positions of contracts that expired before the new day', async () => {
    kit = await kotakNeoTestKit();
    const weekly = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-11', strike: 24500, optionType: 'CE', segment: 'NFO-OPT' } as const;
    await kit.broker.executionClient.placeOrder(kotakOrderRequest({ instrument: weekly, limitPrice: 50 }));
    kit.server.fill({ tag: 'k0000000000000000001' });
    kit.clock.advance(2 * 24 * 3_600_000);
    kit.server.newTradingDay();
    await kit.broker.login();
    await expect(kit.broker.executionClient.listPositions()).resolves.toEqual([]);
  });

  it('lets a test hold fills (fillOnCross off) and count calls per endpoint', async () => {
    kit = await kotakNeoTestKit({ server: { fillOnCross: false } });
    await kit.broker.executionClient.placeOrder(kotakOrderRequest({ side: 'BUY', limitPrice: 130 }));
    expect(kit.server.setQuote('NIFTY26AUG24500CE', { ltp: 120, ask: 120.1 })).toEqual([]);
    expect(kit.server.orders()[0].status).toBe('open');
    kit.server.inject('orders', { type: 'RESPOND', status: 503, body: 'down' }, 2);
    await expect(kit.broker.executionClient.listOrders()).rejects.toMatchObject({ kind: 'TEMPORARY' });
    await expect(kit.broker.executionClient.listOrders()).rejects.toMatchObject({ kind: 'TEMPORARY' });
    await expect(kit.broker.executionClient.listOrders()).resolves.toHaveLength(1);
    expect(kit.server.requests('orders')).toHaveLength(3);
  });

  it('serves a master the library reads back as the same contracts the fake trades', async () => {
    kit = await kotakNeoTestKit({ master: false });
    const lookup = createMasterLookup(parseFoMaster(kit.server.servedMaster().nseFo).contracts);
    const fake = kit.server.contract('NIFTY2681124500PE');
    expect(lookup.contractBySymbol('NIFTY2681124500PE')).toMatchObject({ token: fake.token, expiry: fake.expiry, strike: fake.strike, lotSize: fake.lotSize });
    expect(kit.server.servedMaster().date).toBe(KOTAK_TEST_DAY);
  });
});
