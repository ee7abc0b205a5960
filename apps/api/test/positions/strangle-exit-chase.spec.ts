import { contractSymbol } from '@mcube/market-sim';
import { createDefaultNseCalendar } from '@mcube/domain';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { CHASE_AFTER_MS, ExitChaserService } from '../../src/modules/positions/exit-chaser.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { PositionDetailService } from '../../src/modules/positions/position-detail.service';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { GatewayHarness, startGateway, strangleEntry, strangleLeg } from '../orders/gateway-harness';
import { QuoteBoard } from '../orders/quote-board.fake';
import { simQuotes } from '../orders/sim-contract-quotes';
import { StrategySettingsQuery } from '../../src/modules/strategies/parameters/strategy-settings.query';

const CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' } as const;
const PUT = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' } as const;

/** Issue 11 §2: the exit of a two-leg strangle is worked leg by leg until both are flat, across restarts. */
describe('the exit chaser on a two-leg strangle', () => {
  let g: GatewayHarness;
  let market: QuoteBoard;
  let positionId: number;

  /** A fresh process's services: nothing carried over in memory. */
  const services = () => {
    const exits = new ManualExitService(g.dataSource, g.orders, simQuotes(market), g.clock);
    return { exits, chaser: new ExitChaserService(g.dataSource, g.clock, simQuotes(market), g.cancel, exits, new StrategySettingsQuery(g.dataSource)), detail: new PositionDetailService(g.dataSource, g.clock, createDefaultNseCalendar(), new StrategySettingsQuery(g.dataSource)) };
  };

  beforeEach(async () => {
    g = await startGateway();
    market = new QuoteBoard().set(contractSymbol(CALL), { lastPrice: 150, bid: 149.5, ask: 150.5 }).set(contractSymbol(PUT), { lastPrice: 80, bid: 79.5, ask: 80.5 });
    // The strangle enters as one command (the gateway refuses a lone ENTRY leg).
    const base = strangleEntry(g.account.id, { idempotencyKey: 'entry' });
    const entry = await g.orders.submitEntry({ ...base, legs: [base.legs[0], { ...base.legs[1], instrument: PUT, limitPrice: 80 }] });
    const [call, put] = entry.legs;
    positionId = entry.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(call.intentId, 650, 120.5));
    await g.fills.apply('PAPER', g.broker.fill(put.intentId, 650, 80));
  });
  afterEach(async () => {
    await g.close();
  });

  const exitOrders = (symbolPart: 'CE' | 'PE') => g.dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' }, order: { id: 'ASC' } }).then((rows) => rows.filter((o) => o.instrumentType === symbolPart));
  const position = () => g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
  /** The call runs away from its exit's limit, and that exit has rested long enough to be chased. */
  const callRunsAway = () => {
    market.set(contractSymbol(CALL), { lastPrice: 190, bid: 189.5, ask: 190.5 });
    g.clock.advance(CHASE_AFTER_MS);
  };

  it('ends flat on both legs when the put fills and the call is left behind the touch (fails on main: the call was never sent again)', async () => {
    const { exits, chaser, detail } = services();
    await exits.exit(positionId, 'trader exit');
    const [putExit] = await exitOrders('PE');
    await g.fills.apply('PAPER', g.broker.fill(putExit.clientOrderId, 650, 80.5));
    callRunsAway();

    const [firstCall] = await exitOrders('CE');
    expect(await chaser.chase()).toEqual({ canceled: [firstCall.id], resent: [] });
    await g.settle.settleAccount(g.account.id);
    const exiting = await detail.detail(positionId);
    expect({ state: exiting.state, exit: exiting.exit?.owner, legs: exiting.legs.map((l) => [l.optionType, l.exitState]) }).toEqual({
      state: 'EXITING',
      exit: 'PERSON',
      legs: [
        ['CE', 'CHASING'],
        ['PE', 'FLAT'],
      ],
    });

    expect(await chaser.chase()).toEqual({ canceled: [], resent: [{ positionId, tradingSymbol: firstCall.tradingSymbol }] });
    const [, secondCall] = await exitOrders('CE');
    // 190.50 + 2% = 194.31 → 194.35: the fresh touch, crossed.
    expect(secondCall).toMatchObject({ side: 'BUY', quantity: 650, status: 'ACCEPTED', limitPricePaise: 19435 });
    await g.fills.apply('PAPER', g.broker.fill(secondCall.clientOrderId, 650, 190.5));

    expect(await position()).toMatchObject({ status: 'CLOSED', exitReason: 'MANUAL', quantity: 650 });
    expect((await detail.detail(positionId)).legs.map((l) => l.exitState)).toEqual(['FLAT', 'FLAT']);
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });
  });

  it("respects a person's cancel of one leg's exit while the other leg is still worked; a new Exit click sends it again", async () => {
    const { exits, chaser, detail } = services();
    await exits.exit(positionId, 'trader exit');
    const [putExit] = await exitOrders('PE');
    await g.cancel.cancel(putExit.id, 'user:trader');
    callRunsAway();
    const [firstCall] = await exitOrders('CE');
    expect((await chaser.chase()).canceled).toEqual([firstCall.id]);
    await g.settle.settleAccount(g.account.id);

    expect((await chaser.chase()).resent.map((r) => r.tradingSymbol)).toEqual([firstCall.tradingSymbol]);
    expect((await detail.detail(positionId)).legs.map((l) => [l.optionType, l.exitState])).toEqual([
      ['CE', 'WORKING'],
      ['PE', 'HELD'],
    ]);
    g.clock.advance(CHASE_AFTER_MS);
    expect((await chaser.chase()).resent).toEqual([]);
    expect(await exitOrders('PE')).toHaveLength(1);

    // The person asks again: only the held leg is sent (the call's exit is still working).
    const again = await exits.exit(positionId, 'exit the put too');
    expect(again.exits).toHaveLength(1);
    expect((await exitOrders('PE')).map((o) => o.status)).toEqual(['CANCELED', 'ACCEPTED']);
    expect(await exitOrders('CE')).toHaveLength(2);
  });

  it('keeps chasing after a restart in the middle (stored state, fails on main: the chased set was in memory)', async () => {
    const before = services();
    await before.exits.exit(positionId, 'trader exit');
    callRunsAway();
    const [firstCall] = await exitOrders('CE');
    const [putExit] = await exitOrders('PE');
    // The put's exit still crosses its touch: only the call's is canceled.
    expect((await before.chaser.chase()).canceled).toEqual([firstCall.id]);
    await g.settle.settleAccount(g.account.id);

    // kill -9 and restart: new services, nothing in memory.
    const after = services();
    expect(await after.chaser.chase()).toEqual({ canceled: [], resent: [{ positionId, tradingSymbol: firstCall.tradingSymbol }] });
    const [, secondCall] = await exitOrders('CE');
    await g.fills.apply('PAPER', g.broker.fill(secondCall.clientOrderId, 650, 190.5));
    await g.fills.apply('PAPER', g.broker.fill(putExit.clientOrderId, 650, 80.5));
    expect(await position()).toMatchObject({ status: 'CLOSED' });
  });

  it('sends nothing while the kill switch HALTED the account (only cancels leave), and resumes after', async () => {
    const { exits, chaser } = services();
    await exits.exit(positionId, 'trader exit');
    await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState: 'HALTED' });
    callRunsAway();
    const [firstCall] = await exitOrders('CE');
    expect((await chaser.chase()).canceled).toEqual([firstCall.id]);
    await g.settle.settleAccount(g.account.id);
    expect((await chaser.chase()).resent).toEqual([]);
    expect((await exitOrders('CE')).map((o) => o.status)).toEqual(['CANCELED']);
    await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState: 'ACTIVE' });
    expect((await chaser.chase()).resent.map((r) => r.tradingSymbol)).toEqual([firstCall.tradingSymbol]);
  });

  it("leaves a strategy's exit to the strategy while it runs, and works it once no strategy is active", async () => {
    const { chaser } = services();
    const config = await g.dataSource.getRepository(StrategyConfig).save({ accountId: g.account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true, parameters: {} });
    await g.dataSource.getRepository(Position).update(positionId, { exitRequestedAt: new Date(g.clock.nowMs()), exitOwner: 'STRATEGY', exitReason: 'STOP_LOSS' });
    const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', limitPrice: 150.5, positionId, strategyType: 'WEEKLY_NIFTY_STRANGLE', idempotencyKey: 'ks-exit' }));
    callRunsAway();
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });

    await g.dataSource.getRepository(StrategyConfig).update(config.id, { isActive: false });
    // Both legs are the chaser's now: the put that had no exit at once, the call once its stale exit is canceled.
    const [callSymbol, putSymbol] = ['NIFTY-2026-03-17-23500-CE', 'NIFTY-2026-03-17-22500-PE'];
    expect(await chaser.chase()).toEqual({ canceled: exit.orderIds, resent: [{ positionId, tradingSymbol: putSymbol }] });
    await g.settle.settleAccount(g.account.id);
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [{ positionId, tradingSymbol: callSymbol }] });
    expect((await position()).exitReason).toBe('STOP_LOSS');
  });
});
