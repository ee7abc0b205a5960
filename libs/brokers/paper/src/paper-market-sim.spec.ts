import { epochMsOfIst, FixedClock, type BrokerInstrument } from '@mcube/domain';
// Test only: the library itself depends on @mcube/domain alone; this spec checks it against the real simulator.
import { MarketSimulator } from '@mcube/market-sim';
import { InMemoryPaperBookStore } from './in-memory-paper-book.store';
import { PaperExecutionClient } from './paper.execution-client';

// Integration: the paper broker driven by the real market simulator behind the market-data port.
const EXPIRY = '2026-03-10';

async function setUp() {
  const clock = new FixedClock(epochMsOfIst('2026-03-04', '11:00'));
  const sim = new MarketSimulator({ seed: 4, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000 }, clock);
  const client = await PaperExecutionClient.create({ config: { capitalPaise: 20_00_000_00 }, clock, marketData: sim, store: new InMemoryPaperBookStore() });
  const chain = await sim.optionChain({ underlying: 'NIFTY', expiry: EXPIRY });
  const row = chain.strikes.find((s) => s.strike >= chain.spot + 500 && s.call?.bid !== undefined && s.call.bid > 0);
  if (!row?.call?.bid) throw new Error('the simulator chain has no OTM call with a bid');
  const call: BrokerInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: EXPIRY, strike: row.strike, optionType: 'CE', segment: 'NFO-OPT' };
  return { clock, sim, client, call, bid: row.call.bid, spot: chain.spot };
}

describe('paper broker on the market simulator', () => {
  it('sells a call at the simulated bid, blocks margin on the simulated spot and books the buy-back P&L', async () => {
    const { clock, sim, client, call, bid } = await setUp();
    const sell = await client.placeOrder({ clientOrderId: 'sim-sell', accountId: 'paper', instrument: call, side: 'SELL', quantity: 130, limitPrice: bid, product: 'NRML', validity: 'DAY' });
    const [sold] = await client.matchNow();
    expect(sold.brokerOrderId).toBe(sell.brokerOrderId);
    expect(sold.price).toBeGreaterThanOrEqual(bid);

    const spot = (await sim.quote('NIFTY 50')).lastPrice;
    expect((await client.availableMargin()).usedPaise).toBe(Math.floor((Math.round(spot * 100) * 130 * 12) / 100));

    clock.advance(60 * 60_000);
    const ask = (await sim.quote(`NIFTY-${EXPIRY}-${call.strike}-CE`)).ask ?? 0;
    expect(ask).toBeGreaterThan(0);
    await client.placeOrder({ clientOrderId: 'sim-buy', accountId: 'paper', instrument: call, side: 'BUY', quantity: 130, limitPrice: ask, product: 'NRML', validity: 'DAY' });
    const [bought] = await client.matchNow();
    expect(bought.price).toBeLessThanOrEqual(ask);
    expect(await client.listPositions()).toEqual([]);
    expect(client.snapshot().positions[0].realisedPaise).toBe((Math.round(sold.price * 100) - Math.round(bought.price * 100)) * 130);
  });
});
