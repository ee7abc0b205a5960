import { notionalPaise, tradeCharges, type BrokerTrade } from '@mcube/domain';
import type { PaperTrade } from './paper-book.types';
import { CALL, LOT, orderRequest, paperKit, PUT, sym, TRADE_DAY } from './testing/paper-test-kit';

const q = (instrument = CALL, bid?: number, ask?: number) => ({ symbol: sym(instrument), lastPrice: bid ?? 100, bid, ask, asOfMs: 0 });

describe('paper broker matching', () => {
  it('leaves a BUY open while the ask is above its limit and fills it when the ask comes down to it', async () => {
    const { client } = await paperKit();
    const ack = await client.placeOrder(orderRequest({ limitPrice: 100 }));
    expect(await client.onMarket([q(CALL, 100, 100.05)])).toHaveLength(0);
    expect((await client.orderByTag(ack.clientOrderId))?.state).toBe('OPEN');
    const trades = await client.onMarket([q(CALL, 99.5, 100)]);
    expect(trades.map((t) => [t.quantity, t.price])).toEqual([[LOT, 100]]);
    expect((await client.orderByTag(ack.clientOrderId))?.state).toBe('FILLED');
  });

  it('fills a SELL through its limit at the better bid', async () => {
    const { client } = await paperKit();
    await client.placeOrder(orderRequest({ side: 'SELL', limitPrice: 80 }));
    const [trade] = await client.onMarket([q(CALL, 85.3, 85.6)]);
    expect(trade.price).toBe(85.3);
  });

  it('does not fill on a quote of another contract', async () => {
    const { client } = await paperKit();
    await client.placeOrder(orderRequest({ limitPrice: 100 }));
    expect(await client.onMarket([q(PUT, 10, 10.05)])).toHaveLength(0);
  });

  it('keeps every fill between the touch and the limit under random slippage', async () => {
    const { client } = await paperKit({ config: { slippage: { kind: 'RANDOM', maxTicks: 4, seed: 7 } } });
    for (let i = 0; i < 20; i += 1) await client.placeOrder(orderRequest({ limitPrice: 100.1 }));
    const trades = await client.onMarket([q(CALL, 99.9, 100)]);
    expect(trades).toHaveLength(20);
    for (const t of trades) {
      expect(t.price).toBeGreaterThanOrEqual(100);
      expect(t.price).toBeLessThanOrEqual(100.1);
    }
    expect(new Set(trades.map((t) => t.price)).size).toBeGreaterThan(1);
  });

  it('uses a synthetic spread around the last price when the quote has no bid or ask', async () => {
    const { client } = await paperKit({ config: { syntheticHalfSpreadTicks: 2 } });
    await client.placeOrder(orderRequest({ limitPrice: 100.05 }));
    expect(await client.onMarket([{ symbol: sym(CALL), lastPrice: 100, asOfMs: 0 }])).toHaveLength(0);
    const [trade] = await client.onMarket([{ symbol: sym(CALL), lastPrice: 99.95, asOfMs: 0 }]);
    expect(trade.price).toBe(100.05);
  });

  it('fills a large order in partial fills of the displayed size that sum to its quantity', async () => {
    const { client } = await paperKit({ config: { displayedLotsPerPass: 4 } });
    const ack = await client.placeOrder(orderRequest({ quantity: 10 * LOT, limitPrice: 100 }));
    const fills: BrokerTrade[] = [];
    for (let pass = 0; pass < 3; pass += 1) fills.push(...(await client.onMarket([q(CALL, 99, 99.5)])));
    expect(fills.map((t) => t.quantity)).toEqual([4 * LOT, 4 * LOT, 2 * LOT]);
    const report = await client.orderByTag(ack.clientOrderId);
    expect(report?.state).toBe('FILLED');
    expect(report?.filledQuantity).toBe(10 * LOT);
    expect(report?.averagePrice).toBe(99.5);
  });

  it('reports a partly filled order as OPEN with its filled quantity', async () => {
    const { client } = await paperKit({ config: { displayedLotsPerPass: 1 } });
    const ack = await client.placeOrder(orderRequest({ quantity: 3 * LOT }));
    await client.onMarket([q(CALL, 99, 99.5)]);
    const report = await client.orderByTag(ack.clientOrderId);
    expect([report?.state, report?.filledQuantity]).toEqual(['OPEN', LOT]);
  });

  it('shares the displayed size between orders in time priority', async () => {
    const { client } = await paperKit({ config: { displayedLotsPerPass: 3 } });
    const first = await client.placeOrder(orderRequest({ quantity: 2 * LOT }));
    const second = await client.placeOrder(orderRequest({ quantity: 2 * LOT }));
    const trades = await client.onMarket([q(CALL, 99, 99.5)]);
    expect(trades.map((t) => [t.brokerOrderId, t.quantity])).toEqual([
      [first.brokerOrderId, 2 * LOT],
      [second.brokerOrderId, LOT],
    ]);
  });

  it('cancels the unfilled rest of an IOC order after its first quote', async () => {
    const { client } = await paperKit({ config: { displayedLotsPerPass: 1 } });
    const ioc = await client.placeOrder(orderRequest({ quantity: 3 * LOT, validity: 'IOC' }));
    await client.onMarket([q(CALL, 99, 99.5)]);
    const report = await client.orderByTag(ioc.clientOrderId);
    expect([report?.state, report?.filledQuantity]).toEqual(['CANCELED', LOT]);
  });

  it('charges each fill exactly what tradeCharges gives for it, brokerage on the first fill of an order only', async () => {
    const { client } = await paperKit({ config: { displayedLotsPerPass: 2, brokerage: { OPT: 2000, FUT: 0 } } });
    await client.placeOrder(orderRequest({ side: 'SELL', quantity: 3 * LOT, limitPrice: 150 }));
    const trades = [...(await client.onMarket([q(CALL, 151.25, 151.5)])), ...(await client.onMarket([q(CALL, 150.5, 151)]))] as PaperTrade[];
    expect(trades.map((t) => t.quantity)).toEqual([2 * LOT, LOT]);
    trades.forEach((t, i) => {
      const expected = tradeCharges({ date: TRADE_DAY, segment: 'OPT', side: 'SELL', turnoverPaise: notionalPaise(t.price, t.quantity), brokeragePaise: i === 0 ? 2000 : 0 });
      expect(t.charges).toEqual(expected);
    });
    expect(trades[0].charges.sttPaise).toBeGreaterThan(0);
    const [position] = client.snapshot().positions;
    expect(position.chargesPaise).toBe(trades[0].charges.totalPaise + trades[1].charges.totalPaise);
  });

  it('nets fills into positions with the average price and realised P&L', async () => {
    const { client } = await paperKit();
    await client.placeOrder(orderRequest({ side: 'SELL', quantity: 2 * LOT, limitPrice: 120 }));
    await client.onMarket([q(CALL, 120, 120.5)]);
    expect(await client.listPositions()).toEqual([{ instrument: CALL, netQuantity: -2 * LOT, averagePrice: 120, product: 'NRML' }]);
    await client.placeOrder(orderRequest({ side: 'BUY', quantity: 2 * LOT, limitPrice: 45 }));
    await client.onMarket([q(CALL, 44.5, 44.95)]);
    expect(await client.listPositions()).toEqual([]);
    expect(client.snapshot().positions[0].realisedPaise).toBe((12000 - 4495) * 2 * LOT);
  });

  it('pushes ORDER and TRADE updates, the trade before the order it fills', async () => {
    const { client, updates } = await paperKit();
    const ack = await client.placeOrder(orderRequest());
    await client.onMarket([q(CALL, 99, 99.5)]);
    expect(updates.map((u) => (u.type === 'ORDER' ? `ORDER:${u.order.state}` : `TRADE:${u.trade.quantity}`))).toEqual(['ORDER:OPEN', `TRADE:${LOT}`, 'ORDER:FILLED']);
    expect(updates.every((u) => (u.type === 'ORDER' ? u.order.clientOrderId : u.trade.clientOrderId) === ack.clientOrderId)).toBe(true);
  });

  it('stops pushing to a listener after it unsubscribes', async () => {
    const { client } = await paperKit();
    const seen: string[] = [];
    const off = client.subscribeOrderUpdates((u) => seen.push(u.type));
    await client.placeOrder(orderRequest());
    off();
    await client.placeOrder(orderRequest());
    expect(seen).toEqual(['ORDER']);
  });

  it('matchNow fetches the quotes of live orders from the market-data port', async () => {
    const { client, market } = await paperKit();
    await client.placeOrder(orderRequest({ limitPrice: 100 }));
    market.set(sym(CALL), { lastPrice: 99.8, bid: 99.7, ask: 99.9 });
    const trades = await client.matchNow();
    expect(trades.map((t) => t.price)).toEqual([99.9]);
    expect(market.asked).toContain(sym(CALL));
  });

  it('matchNow skips a contract whose quote fails and matches it on a later pass', async () => {
    const { client, market } = await paperKit();
    await client.placeOrder(orderRequest({ limitPrice: 100 }));
    market.fail(sym(CALL));
    expect(await client.matchNow()).toHaveLength(0);
    market.set(sym(CALL), { lastPrice: 99.8, bid: 99.7, ask: 99.9 });
    expect(await client.matchNow()).toHaveLength(1);
  });

  it('expires DAY orders at the end of the day', async () => {
    const { client } = await paperKit();
    const ack = await client.placeOrder(orderRequest());
    await client.expireLiveOrders();
    expect((await client.orderByTag(ack.clientOrderId))?.state).toBe('EXPIRED');
    expect(await client.onMarket([q(CALL, 90, 90.5)])).toHaveLength(0);
  });

  it('expires a live order of an earlier day on the next pass and leaves it out of today\'s book', async () => {
    const { client, clock } = await paperKit();
    const ack = await client.placeOrder(orderRequest());
    clock.advance(24 * 3600_000);
    expect(await client.onMarket([q(CALL, 90, 90.5)])).toHaveLength(0);
    expect(await client.orderByTag(ack.clientOrderId)).toBeUndefined();
    expect(client.snapshot().orders.map((o) => o.state)).toEqual(['EXPIRED']);
  });
});
