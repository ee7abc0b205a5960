import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { CALL, EXPIRY, FUT, LOT, orderRequest, paperKit, PUT, rejectionKind, sym } from './testing/paper-test-kit';

describe('paper broker margin and funds', () => {
  it('reports the whole capital as available with an empty book', async () => {
    const { client } = await paperKit({ config: { capitalPaise: 5_00_000_00 } });
    expect(await client.availableMargin()).toMatchObject({ availablePaise: 5_00_000_00, usedPaise: 0 });
  });

  it('blocks 12% of notional per short strangle leg, at the spot of the market-data port', async () => {
    const { client, market } = await paperKit();
    market.set('NIFTY 50', { lastPrice: 24600 });
    await client.placeOrder(orderRequest({ instrument: CALL, side: 'SELL', quantity: 2 * LOT, limitPrice: 100 }));
    await client.placeOrder(orderRequest({ instrument: PUT, side: 'SELL', quantity: 2 * LOT, limitPrice: 90 }));
    // Open orders block margin too; once filled the positions do: the figure stays the same.
    const perLeg = Math.floor((24600 * 100 * 130 * 12) / 100);
    expect((await client.availableMargin()).usedPaise).toBe(2 * perLeg);
    await client.onMarket([
      { symbol: sym(CALL), lastPrice: 100, bid: 100, ask: 100.5, asOfMs: 0 },
      { symbol: sym(PUT), lastPrice: 90, bid: 90, ask: 90.5, asOfMs: 0 },
    ]);
    const margin = await client.availableMargin();
    expect(margin.usedPaise).toBe(2 * perLeg);
    const charges = client.snapshot().trades.reduce((s, t) => s + (t as { charges: { totalPaise: number } }).charges.totalPaise, 0);
    expect(margin.availablePaise).toBe(10_00_000_00 - charges - 2 * perLeg);
  });

  it('adds 2% per short leg on the expiry day', async () => {
    const clock = new FixedClock(epochMsOfIst(EXPIRY, '09:30:00'));
    const { client } = await paperKit({ clock });
    await client.placeOrder(orderRequest({ instrument: CALL, side: 'SELL', quantity: LOT, limitPrice: 20 }));
    const notional = 24500 * 100 * LOT;
    expect((await client.availableMargin()).usedPaise).toBe(Math.floor((notional * 12) / 100) + Math.floor((notional * 2) / 100));
  });

  it('refuses an order that needs more margin than is free with INSUFFICIENT_FUNDS and stores nothing', async () => {
    // One short lot at spot 24,500 blocks ₹1,91,100.
    const { client, store } = await paperKit({ config: { capitalPaise: 1_91_000_00 } });
    expect(await rejectionKind(client.placeOrder(orderRequest({ side: 'SELL', limitPrice: 100 })))).toBe('INSUFFICIENT_FUNDS');
    expect(store.saves).toBe(0);
    expect(await client.listOrders()).toEqual([]);
  });

  it('accepts an order that fits exactly', async () => {
    const { client } = await paperKit({ config: { capitalPaise: 1_91_100_00 } });
    await expect(client.placeOrder(orderRequest({ side: 'SELL', limitPrice: 100 }))).resolves.toBeDefined();
    expect((await client.availableMargin()).availablePaise).toBe(0);
  });

  it('always lets an order through that only reduces a position', async () => {
    const { client } = await paperKit({ config: { capitalPaise: 2_00_000_00 } });
    await client.placeOrder(orderRequest({ side: 'SELL', limitPrice: 100 }));
    await client.onMarket([{ symbol: sym(CALL), lastPrice: 100, bid: 100, ask: 100.5, asOfMs: 0 }]);
    // A second short lot does not fit; buying back the first does.
    expect(await rejectionKind(client.placeOrder(orderRequest({ side: 'SELL', limitPrice: 100 })))).toBe('INSUFFICIENT_FUNDS');
    await expect(client.placeOrder(orderRequest({ side: 'BUY', limitPrice: 400 }))).resolves.toBeDefined();
  });

  it('blocks the premium of a long option and 12% of a future', async () => {
    const { client } = await paperKit();
    await client.placeOrder(orderRequest({ instrument: CALL, side: 'BUY', quantity: LOT, limitPrice: 100.05 }));
    await client.placeOrder(orderRequest({ instrument: FUT, side: 'BUY', quantity: LOT, limitPrice: 24600 }));
    expect((await client.availableMargin()).usedPaise).toBe(10005 * LOT + Math.floor((24600 * 100 * LOT * 12) / 100));
  });

  it('releases the margin and books the P&L when a position closes', async () => {
    const { client } = await paperKit();
    await client.placeOrder(orderRequest({ side: 'SELL', limitPrice: 100 }));
    await client.onMarket([{ symbol: sym(CALL), lastPrice: 100, bid: 100, ask: 100.5, asOfMs: 0 }]);
    await client.placeOrder(orderRequest({ side: 'BUY', limitPrice: 60 }));
    await client.onMarket([{ symbol: sym(CALL), lastPrice: 60, bid: 59.5, ask: 60, asOfMs: 0 }]);
    const margin = await client.availableMargin();
    const charges = client.snapshot().positions[0].chargesPaise;
    expect(margin.usedPaise).toBe(0);
    expect(margin.availablePaise).toBe(10_00_000_00 + 4000 * LOT - charges);
  });

  it('checkMargin gives the margin an order would add without placing it', async () => {
    const { client, store } = await paperKit();
    expect(await client.checkMargin([orderRequest({ side: 'SELL', quantity: LOT })])).toBe(1_91_100_00);
    expect(store.saves).toBe(0);
  });
});
