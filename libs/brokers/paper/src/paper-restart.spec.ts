import { FixedClock } from '@mcube/domain';
import { PaperExecutionClient } from './paper.execution-client';
import { ScriptedMarket } from './testing/scripted-market.fake';
import { CALL, CountingStore, LOT, orderRequest, paperKit, PUT, sym } from './testing/paper-test-kit';

describe('paper broker restart from its store', () => {
  it('reproduces orders, trades, positions and margin after a restart', async () => {
    const store = new CountingStore();
    const first = await paperKit({ store, config: { displayedLotsPerPass: 1 } });
    const call = await first.client.placeOrder(orderRequest({ instrument: CALL, side: 'SELL', quantity: 2 * LOT, limitPrice: 100 }));
    await first.client.placeOrder(orderRequest({ instrument: PUT, side: 'SELL', quantity: LOT, limitPrice: 90 }));
    await first.client.onMarket([
      { symbol: sym(CALL), lastPrice: 100, bid: 100, ask: 100.5, asOfMs: 0 },
      { symbol: sym(PUT), lastPrice: 90, bid: 90.5, ask: 91, asOfMs: 0 },
    ]);
    const before = {
      orders: await first.client.listOrders(),
      trades: await first.client.listTrades(),
      positions: await first.client.listPositions(),
      margin: await first.client.availableMargin(),
      snapshot: first.client.snapshot(),
    };
    expect(before.trades).toHaveLength(2);

    const second = await paperKit({ store, clock: first.clock, market: first.market, config: { displayedLotsPerPass: 1 } });
    expect(await second.client.listOrders()).toEqual(before.orders);
    expect(await second.client.listTrades()).toEqual(before.trades);
    expect(await second.client.listPositions()).toEqual(before.positions);
    expect(await second.client.availableMargin()).toEqual(before.margin);
    expect(second.client.snapshot()).toEqual(before.snapshot);
    expect((await second.client.orderByTag(call.clientOrderId))?.filledQuantity).toBe(LOT);

    // The restarted broker carries on: the open rest fills, and ids never repeat.
    const more = await second.client.onMarket([{ symbol: sym(CALL), lastPrice: 100, bid: 100, ask: 100.5, asOfMs: 0 }]);
    expect(more.map((t) => t.tradeId)).toEqual(['PAPER-T-00000003']);
    const next = await second.client.placeOrder(orderRequest());
    expect(next.brokerOrderId).toBe('PAPER-O-00000003');
  });

  it('starts empty from an empty store', async () => {
    const { client } = await paperKit();
    expect(client.snapshot()).toEqual({ orders: [], trades: [], positions: [], counters: { orders: 0, trades: 0 } });
  });

  it('reports a store that cannot be read as TEMPORARY', async () => {
    const broken = { load: () => Promise.reject(new Error('db down')), save: () => Promise.resolve() };
    await expect(PaperExecutionClient.create({ config: { capitalPaise: 0 }, clock: new FixedClock(0), marketData: new ScriptedMarket(), store: broken })).rejects.toMatchObject({
      name: 'BrokerError',
      kind: 'TEMPORARY',
    });
  });
});
