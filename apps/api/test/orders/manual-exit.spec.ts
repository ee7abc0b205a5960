import { contractSymbol } from '@mcube/market-sim';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { CHASE_AFTER_MS, ExitChaserService } from '../../src/modules/positions/exit-chaser.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { GatewayHarness, startGateway, enterStrangle } from './gateway-harness';
import { QuoteBoard } from './quote-board.fake';
import { simQuotes } from './sim-contract-quotes';
import { StrategySettingsQuery } from '../../src/modules/strategies/parameters/strategy-settings.query';

const CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' } as const;

describe('manual exit', () => {
  let g: GatewayHarness;
  let market: QuoteBoard;
  let exits: ManualExitService;
  let positionId: number;

  beforeEach(async () => {
    g = await startGateway();
    market = new QuoteBoard();
    exits = new ManualExitService(g.dataSource, g.orders, simQuotes(market), g.clock);
    // The strangle's call is filled, its put still working: the exit buys back the call.
    const entry = await enterStrangle(g.orders, g.account.id);
    positionId = entry.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(entry.intentId, 650, 120.5));
  });
  afterEach(async () => {
    await g.close();
  });

  const exitOrders = () => g.dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' }, order: { id: 'ASC' } });

  it('prices the buy-back from the ask it must cross now, not from a stale mark, as a protected limit', async () => {
    market.set(contractSymbol(CALL), { lastPrice: 150, bid: 149.5, ask: 150.5 });
    const { exits: results } = await exits.exit(positionId, 'trader exit');
    expect(results).toHaveLength(1);
    const [order] = await exitOrders();
    expect(order).toMatchObject({ side: 'BUY', quantity: 650, orderType: 'LIMIT', status: 'ACCEPTED' });
    // 150.50 + 2% protection = 153.51, rounded up to the 0.05 tick: crosses the ask, bounded.
    expect(order.limitPricePaise).toBe(15355);
  });

  it("hands the broker the leg's instrument id only: the leg's stored symbol stays mCube's (issue 13)", async () => {
    await exits.exit(positionId, 'trader exit');
    const [order] = await exitOrders();
    expect(order.tradingSymbol).toBe('NIFTY-2026-03-17-23500-CE');
    const sent = g.broker.orders.find((o) => o.request.clientOrderId === order.clientOrderId);
    expect(sent?.request.instrument).toStrictEqual({ ...CALL, segment: 'NFO-OPT' });
  });

    it('falls back to the entry price when the market has no quote for the leg', async () => {
    await exits.exit(positionId, 'trader exit');
    const [order] = await exitOrders();
    // 120.50 + 2% = 122.91 → 122.95.
    expect(order.limitPricePaise).toBe(12295);
  });

  it('sends one exit per leg on a double click, and a new attempt once the previous exit ended unfilled', async () => {
    market.set(contractSymbol(CALL), { lastPrice: 130, bid: 129.5, ask: 130.5 });
    g.broker.reject(1);
    await exits.exit(positionId, 'first click');
    expect((await exitOrders()).map((o) => o.status)).toEqual(['REJECTED']);

    await exits.exit(positionId, 'second click');
    await exits.exit(positionId, 'double click');
    expect((await exitOrders()).map((o) => o.status)).toEqual(['REJECTED', 'ACCEPTED']);
    // The broker holds the entry's two legs and one new exit: the rejected one never rested, the double click sent nothing.
    expect(g.broker.orders).toHaveLength(3);
  });

  it('chases an exit the market left behind: cancel once it rested, then send again at the fresh touch until the position is closed', async () => {
    const chaser = new ExitChaserService(g.dataSource, g.clock, simQuotes(market), g.cancel, exits, new StrategySettingsQuery(g.dataSource));
    market.set(contractSymbol(CALL), { lastPrice: 150, bid: 149.5, ask: 150.5 });
    await exits.exit(positionId, 'trader exit');
    // The option runs away from the 153.55 limit.
    market.set(contractSymbol(CALL), { lastPrice: 170, bid: 169.5, ask: 170.5 });
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });

    g.clock.advance(CHASE_AFTER_MS);
    const [first] = await exitOrders();
    expect(await chaser.chase()).toEqual({ canceled: [first.id], resent: [] });
    await g.settle.settleAccount(g.account.id);
    expect((await exitOrders()).map((o) => o.status)).toEqual(['CANCELED']);

    expect(await chaser.chase()).toEqual({ canceled: [], resent: [{ positionId, tradingSymbol: (await exitOrders())[0].tradingSymbol }] });
    const [, second] = await exitOrders();
    // 170.50 + 2% = 173.91 → 173.95.
    expect(second).toMatchObject({ side: 'BUY', quantity: 650, status: 'ACCEPTED', limitPricePaise: 17395 });
    // Working and not yet rested: nothing more happens.
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    await g.fills.apply('PAPER', g.broker.fill(second.clientOrderId, 650, 171));
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    expect(g.broker.orders).toHaveLength(4);
  });

  it('leaves alone an exit that still crosses the touch, and an exit a person canceled', async () => {
    const chaser = new ExitChaserService(g.dataSource, g.clock, simQuotes(market), g.cancel, exits, new StrategySettingsQuery(g.dataSource));
    market.set(contractSymbol(CALL), { lastPrice: 150, bid: 149.5, ask: 150.5 });
    await exits.exit(positionId, 'trader exit');
    g.clock.advance(CHASE_AFTER_MS);
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    const [manual] = await exitOrders();
    await g.cancel.cancel(manual.id, 'user:trader');
    await g.settle.settleAccount(g.account.id);
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
    // The entry's two legs and the one exit: nothing was sent again.
    expect(g.broker.orders).toHaveLength(3);
  });
});
