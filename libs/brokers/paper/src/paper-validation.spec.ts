import type { PlaceOrderRequest } from '@mcube/domain';
import { CALL, FUT, LOT, orderRequest, paperKit, rejectionKind } from './testing/paper-test-kit';

const bad: [string, Partial<PlaceOrderRequest> | Record<string, unknown>][] = [
  ['a MARKET order', { orderType: 'MARKET' }],
  ['an order without a limit price', { limitPrice: undefined }],
  ['a zero limit price', { limitPrice: 0 }],
  ['a limit price off the ₹0.05 tick', { limitPrice: 100.03 }],
  ['a quantity that is not a whole number of lots', { quantity: LOT + 1 }],
  ['a quantity above the freeze quantity', { quantity: 28 * LOT }],
  ['a zero quantity', { quantity: 0 }],
  ['a fractional quantity', { quantity: 65.5 }],
  ['an empty tag', { clientOrderId: '  ' }],
  ['an unknown side', { side: 'SHORT' }],
  ['an unknown product', { product: 'CNC' }],
  ['an unknown validity', { validity: 'GTC' }],
  ['an expired contract', { instrument: { ...CALL, expiry: '2026-08-18' } }],
  ['an option without a type', { instrument: { ...CALL, optionType: undefined } }],
  ['an option without a strike', { instrument: { ...CALL, strike: undefined } }],
  ['an unknown underlying', { instrument: { ...FUT, underlying: 'NOPE' } }],
  ['a strike off the 50-point grid', { instrument: { ...CALL, strike: 25025 } }],
  ['an impossible expiry', { instrument: { ...CALL, expiry: '26-08-2026' } }],
];

describe('paper broker order validation', () => {
  it.each(bad)('rejects %s with REJECTED and stores nothing', async (_name, change) => {
    const { client, store, updates } = await paperKit();
    const kind = await rejectionKind(client.placeOrder({ ...orderRequest(), ...change } as PlaceOrderRequest));
    expect(kind).toBe('REJECTED');
    expect(store.saves).toBe(0);
    expect(await client.listOrders()).toEqual([]);
    expect(updates).toEqual([]);
  });

  it('accepts the freeze quantity itself (27 lots of 65 = 1,755 units)', async () => {
    const { client } = await paperKit();
    await expect(client.placeOrder(orderRequest({ quantity: 27 * LOT }))).resolves.toMatchObject({ brokerOrderId: expect.any(String) });
  });

  it('rejects an order for another account when bound to one', async () => {
    const { client, store } = await paperKit({ config: { accountId: 'paper-1' } });
    expect(await rejectionKind(client.placeOrder(orderRequest({ accountId: 'kotak-2' })))).toBe('REJECTED');
    expect(store.saves).toBe(0);
  });

  it('rejects a cancel of an unknown order, of a tag mismatch and of a filled order', async () => {
    const { client } = await paperKit();
    expect(await rejectionKind(client.cancelOrder({ brokerOrderId: 'nope', clientOrderId: 'x' }))).toBe('REJECTED');
    const ack = await client.placeOrder(orderRequest());
    expect(await rejectionKind(client.cancelOrder({ brokerOrderId: ack.brokerOrderId, clientOrderId: 'other' }))).toBe('REJECTED');
    await client.onMarket([{ symbol: 'NIFTY-2026-08-25-25000-CE', lastPrice: 99, bid: 98.5, ask: 99, asOfMs: 0 }]);
    expect(await rejectionKind(client.cancelOrder(ack))).toBe('REJECTED');
  });

  it('cancels a live order', async () => {
    const { client } = await paperKit();
    const ack = await client.placeOrder(orderRequest());
    await client.cancelOrder(ack);
    expect((await client.orderByTag(ack.clientOrderId))?.state).toBe('CANCELED');
  });

  it('reports a store failure as TEMPORARY and keeps nothing of the failed event', async () => {
    const { client, store, updates } = await paperKit();
    store.failNext = true;
    const ack = orderRequest();
    expect(await rejectionKind(client.placeOrder(ack))).toBe('TEMPORARY');
    expect(await client.orderByTag(ack.clientOrderId)).toBeUndefined();
    expect(updates).toEqual([]);
    const next = await client.placeOrder(orderRequest());
    expect(next.brokerOrderId).toBe('PAPER-O-00000001');
  });
});
