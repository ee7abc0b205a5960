import { contractSymbol } from '@mcube/market-sim';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { LiveMarketData } from '../../src/modules/orders/live/live-market-data.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { CHASE_AFTER_MS, ExitChaserService } from '../../src/modules/positions/exit-chaser.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { QuoteBoard } from '../orders/quote-board.fake';
import { simQuotes } from '../orders/sim-contract-quotes';
import { startIciciLive, type IciciLiveHarness } from './icici-live-harness';
import { approved, EXPIRY, futures, NIFTY_FUT } from './icici-live-intents';
import { StrategySettingsQuery } from '../../src/modules/strategies/parameters/strategy-settings.query';

/**
 * Issue 15: re-pricing a working ICICI order. The gateway re-prices an exit by cancel and resend
 * (the exit chaser, reading ICICI's touch for a LIVE account while the configured source stands
 * still); the execution port's `modifyOrder` is implemented by the Breeze adapter and
 * reachable on the registry's live client, though no gateway path calls it yet. Both against the
 * local Breeze server, including a re-price whose cancel times out and a modify that times out
 * or is refused.
 */
describe('re-pricing a working ICICI order (local Breeze server)', () => {
  let h: IciciLiveHarness;
  let market: QuoteBoard;
  let chaser: ExitChaserService;
  let exits: ManualExitService;
  let positionId: number;

  beforeEach(async () => {
    h = await startIciciLive();
    await h.goLive();
    // The configured source's touch of the September future stays at 24,600; ICICI's moves. The
    // account is LIVE, so exits and the chaser price from ICICI's quote (LiveMarketData routes them).
    market = new QuoteBoard().set(contractSymbol(NIFTY_FUT), { lastPrice: 24_600, bid: 24_599, ask: 24_601 });
    breezeQuote(24_600);
    const quotes = simQuotes(market);
    new LiveMarketData(h.registry, h.kotak, h.live, quotes).onModuleInit();
    const cancels = new CancelOrderService(h.dataSource, h.clock, h.registry);
    exits = new ManualExitService(h.dataSource, h.orders, quotes, h.clock);
    chaser = new ExitChaserService(h.dataSource, h.clock, quotes, cancels, exits, new StrategySettingsQuery(h.dataSource));
    const entry = await h.orders.submit(await approved(h, futures(h.account.id)));
    const [row] = await h.dataSource.getRepository(Order).findBy({ id: entry.orderIds[0] });
    h.server.book.fill(row.clientOrderId, { price: 24_600 });
    await h.settle.settleAccount(h.account.id);
    positionId = (await h.dataSource.getRepository(Order).findOneByOrFail({ id: row.id })).positionId!;
  });
  afterEach(async () => h.close());

  const exitOrders = () => h.dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' }, order: { id: 'ASC' } });
  const posts = () => h.server.callsTo('order', 'POST');
  const deletes = () => h.server.callsTo('order', 'DELETE');
  /** ICICI's quote of the September future around `ltp` (bid 1 under, ask 1 over, spot 40 under). */
  function breezeQuote(ltp: number): void {
    h.server.market.setFuturesQuote('NIFTY', EXPIRY, { ltp, bid: ltp - 1, ask: ltp + 1, spot: ltp - 40, openInterest: 10_000_000 });
  }
  /** At ICICI the future falls through the working SELL exit's limit (the touch less 2%), and that exit has rested long enough to be chased. */
  const marketFalls = () => {
    breezeQuote(23_500);
    h.clock.advance(CHASE_AFTER_MS);
  };

  it('the chaser re-prices a SELL exit left behind ICICI\'s touch: one cancel and one new order at ICICI at the fresh touch; it fills and the position closes', async () => {
    await exits.exit(positionId, 'trader exit');
    const [first] = await exitOrders();
    expect(first).toMatchObject({ side: 'SELL', status: 'ACCEPTED' });
    // Priced from ICICI's bid (24,599 less the 2% protection), as the configured source's would be too: both agree here.
    expect(first.limitPricePaise!).toBeLessThan(24_599_00);
    marketFalls();

    expect(await chaser.chase()).toEqual({ canceled: [first.id], resent: [] });
    expect(deletes()).toHaveLength(1);
    expect(deletes()[0]).toMatchObject({ checksum: 'VALID', body: expect.objectContaining({ order_id: h.server.book.find(first.clientOrderId).orderId }) });
    await h.settle.settleAccount(h.account.id);
    expect(h.server.book.find(first.clientOrderId).status).toBe('Cancelled');

    expect((await chaser.chase()).resent).toHaveLength(1);
    const [, second] = await exitOrders();
    expect(second).toMatchObject({ side: 'SELL', quantity: 65, status: 'ACCEPTED' });
    expect(second.limitPricePaise!).toBeLessThanOrEqual(23_499_00);
    expect(posts().at(-1)).toMatchObject({ checksum: 'VALID', body: expect.objectContaining({ action: 'sell', user_remark: second.clientOrderId, price: String(second.limitPricePaise! / 100) }) });
    h.server.book.fill(second.clientOrderId, {});
    await h.settle.settleAccount(h.account.id);
    expect((await h.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('CLOSED');
    for (const o of await exitOrders()) expect(h.server.book.countWithRemark(o.clientOrderId)).toBe(1);
  });

  it('a re-price whose cancel ICICI took but never answered stays PENDING_CANCEL (nothing resent), is settled by the remark to CANCELED, then resent once', async () => {
    await exits.exit(positionId, 'trader exit');
    const [first] = await exitOrders();
    marketFalls();
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'TIMEOUT_AFTER_ACCEPT' });
    await chaser.chase();
    expect((await h.dataSource.getRepository(Order).findOneByOrFail({ id: first.id })).status).toBe('PENDING_CANCEL');
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    expect(posts().filter((c) => c.body?.['action'] === 'sell')).toHaveLength(1);

    await h.settle.settleAccount(h.account.id);
    expect((await h.dataSource.getRepository(Order).findOneByOrFail({ id: first.id })).status).toBe('CANCELED');
    expect((await chaser.chase()).resent).toHaveLength(1);
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    expect(posts().filter((c) => c.body?.['action'] === 'sell')).toHaveLength(2);
    expect(deletes()).toHaveLength(1);
  });

  it('a re-price that loses to a fill (ICICI matched the exit before the cancel) resends nothing: the position closes on the fill', async () => {
    await exits.exit(positionId, 'trader exit');
    const [first] = await exitOrders();
    marketFalls();
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'FILL_AFTER_CANCEL' });
    await chaser.chase();
    await h.settle.settleAccount(h.account.id);
    expect((await h.dataSource.getRepository(Order).findOneByOrFail({ id: first.id })).status).toBe('FILLED');
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    expect((await h.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('CLOSED');
    expect(posts().filter((c) => c.body?.['action'] === 'sell')).toHaveLength(1);
  });

  describe('modifyOrder on the registry\'s live ICICI client', () => {
    /** A working SELL exit at ICICI (the order to modify). */
    async function working() {
      await exits.exit(positionId, 'trader exit');
      const [order] = await exitOrders();
      return { order, broker: h.server.book.find(order.clientOrderId) };
    }
    const client = () => h.registry.get(h.account.id)!;

    it('re-prices the order at ICICI (signed PUT), read back by its remark', async () => {
      const { order, broker } = await working();
      await client().modifyOrder!({ brokerOrderId: broker.orderId, limitPrice: 24_390 });
      const [put] = h.server.callsTo('order', 'PUT');
      expect(put).toMatchObject({ checksum: 'VALID', body: expect.objectContaining({ order_id: broker.orderId, price: '24390' }) });
      expect(await client().orderByTag(order.clientOrderId)).toMatchObject({ limitPrice: 24_390, state: 'OPEN' });
    });

    it('a modify ICICI took but never answered fails TEMPORARY (may have happened); the order book by remark shows what ICICI did; nothing halts', async () => {
      const { order, broker } = await working();
      h.server.faults.inject({ endpoint: 'order', method: 'PUT', mode: 'TIMEOUT_AFTER_ACCEPT' });
      await expect(client().modifyOrder!({ brokerOrderId: broker.orderId, limitPrice: 24_380 })).rejects.toMatchObject({ kind: 'TEMPORARY' });
      expect(await client().orderByTag(order.clientOrderId)).toMatchObject({ limitPrice: 24_380 });
      expect(h.server.callsTo('order', 'PUT')).toHaveLength(1);
      expect((await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: h.account.id })).tradingState).toBe('ACTIVE');
    });

    it('a modify of a filled order is REJECTED (ORDER_NOT_OPEN), the order unchanged; a modify answered "Invalid session." halts the account with CRITICAL', async () => {
      const { order, broker } = await working();
      h.server.book.fill(order.clientOrderId, {});
      await expect(client().modifyOrder!({ brokerOrderId: broker.orderId, limitPrice: 24_380 })).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'ORDER_NOT_OPEN' } });
      expect(h.server.book.find(order.clientOrderId).price).toBe(order.limitPricePaise! / 100);
      expect((await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: h.account.id })).tradingState).toBe('ACTIVE');

      h.server.faults.inject({ endpoint: 'order', method: 'PUT', mode: 'ENVELOPE', error: 'Invalid session.', status: 500 });
      await expect(client().modifyOrder!({ brokerOrderId: broker.orderId, limitPrice: 24_380 })).rejects.toMatchObject({ kind: 'AUTH_EXPIRED' });
      const account = await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: h.account.id });
      expect([account.tradingState, account.tradingStateSetByRole]).toEqual(['HALTED', 'system']);
      expect((await h.dataSource.getRepository(Alert).find({ where: { severity: 'CRITICAL' } })).map((a) => a.message).join('\n')).toMatch(/day's API session key/);
    });
  });
});
