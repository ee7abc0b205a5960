import { createDefaultNseCalendar, type OptionChainSnapshot } from '@mcube/domain';
import { contractSymbol } from '@mcube/market-sim';
import { KotakStrangleStrategy, resolveKotakStrangleConfig } from '@mcube/strategy-kotak-strangle';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { AccountMarginService } from '../../src/modules/orders/account-margin.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ExitChaserService } from '../../src/modules/positions/exit-chaser.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { PositionDetailService } from '../../src/modules/positions/position-detail.service';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { DbDecisionJournal } from '../../src/modules/strategies/runtime/db-decision-journal';
import { DbPositionView } from '../../src/modules/strategies/runtime/db-position-view';
import { GatewayStrategyOrders } from '../../src/modules/strategies/runtime/gateway-strategy-orders';
import { StrategyAlertSink } from '../../src/modules/strategies/runtime/strategy-alert-sink';
import { StrategyPositionIds } from '../../src/modules/strategies/runtime/strategy-position-ids';
import { GatewayHarness, startGateway, strangleEntry } from '../orders/gateway-harness';
import { QuoteBoard } from '../orders/quote-board.fake';
import { simQuotes } from '../orders/sim-contract-quotes';
import { StrategySettingsQuery } from '../../src/modules/strategies/parameters/strategy-settings.query';

const EXPIRY = '2026-03-17';
const CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: EXPIRY, strike: 23500, optionType: 'CE' } as const;
const PUT = { underlying: 'NIFTY', kind: 'OPT', expiry: EXPIRY, strike: 22500, optionType: 'PE' } as const;

/** The quotes and the chain of the two legs, set by the test (the strategy values and prices from the chain). */
class ChainBoard extends QuoteBoard {
  private prices = { call: 120.5, put: 80 };

  move(call: number, put: number): void {
    this.prices = { call, put };
    this.set(contractSymbol(CALL), { lastPrice: call, bid: call - 0.5, ask: call + 0.5 }).set(contractSymbol(PUT), { lastPrice: put, bid: put - 0.5, ask: put + 0.5 });
  }

  override optionChain = async (): Promise<OptionChainSnapshot> => ({
    underlying: 'NIFTY',
    expiry: EXPIRY,
    spot: 23000,
    asOfMs: 0,
    strikes: [
      { strike: 22500, put: { lastPrice: this.prices.put, source: 'REAL', bid: this.prices.put - 0.5, ask: this.prices.put + 0.5 } },
      { strike: 23500, call: { lastPrice: this.prices.call, source: 'REAL', bid: this.prices.call - 0.5, ask: this.prices.call + 0.5 } },
    ],
  });
}

/** Issue 11 §2: the strategy's own exit (a stop-loss) is worked leg by leg until flat, across a restart, and a person's cancel holds. */
describe("the strategy's stop-loss exit of a two-leg strangle", () => {
  let g: GatewayHarness;
  let market: ChainBoard;
  let positionId: number;
  const calendar = createDefaultNseCalendar();

  /** A strategy process: new adapters and state each time (a restart). */
  const startStrategy = () => {
    const bus = new AppEventsBus();
    const ids = new StrategyPositionIds(g.dataSource);
    const config = resolveKotakStrangleConfig({ accountId: String(g.account.id), perPositionStopPaise: 1e12 });
    const strategy = new KotakStrangleStrategy(
      {
        market,
        orders: new GatewayStrategyOrders(g.dataSource, g.orders, g.cancel, ids, g.clock, g.account.id),
        positions: new DbPositionView(g.dataSource, new AccountMarginService(g.registry)),
        journal: new DbDecisionJournal(g.dataSource, bus, ids),
        alerts: new StrategyAlertSink(new AlertsService(g.dataSource, bus)),
        clock: g.clock,
        calendar,
      },
      config,
    );
    strategy.markEntryEvaluated('2026-03-10');
    return { strategy, config };
  };

  beforeEach(async () => {
    g = await startGateway();
    market = new ChainBoard();
    market.set('NIFTY 50', { lastPrice: 23000 });
    market.move(120.5, 80);
    await g.dataSource.getRepository(StrategyConfig).save({ accountId: g.account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true, parameters: {} });
    // The strangle enters as one command (the gateway refuses a lone ENTRY leg).
    const base = strangleEntry(g.account.id, { strategyType: 'WEEKLY_NIFTY_STRANGLE', idempotencyKey: 'entry' });
    const entry = await g.orders.submitEntry({ ...base, legs: [base.legs[0], { ...base.legs[1], instrument: PUT, limitPrice: 80 }] });
    const [call, put] = entry.legs;
    positionId = entry.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(call.intentId, 650, 120.5));
    await g.fills.apply('PAPER', g.broker.fill(put.intentId, 650, 80));
  });
  afterEach(async () => {
    await g.close();
  });

  const exits = (type: 'CE' | 'PE') => g.dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT', instrumentType: type }, order: { id: 'ASC' } });
  const decisions = async () => (await g.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } })).map((d) => d.decision);
  const position = () => g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
  /** Fills the working exit of a leg at the broker and applies it. */
  const fillExit = async (type: 'CE' | 'PE', price: number) => {
    const working = (await exits(type)).find((o) => o.status === 'ACCEPTED');
    await g.fills.apply('PAPER', g.broker.fill((working as Order).clientOrderId, 650, price));
  };

  /** The call runs to 400: the loss is beyond 100% of the premium; the strategy exits both legs. */
  async function stopLoss(strategy: KotakStrangleStrategy): Promise<void> {
    market.move(400, 60);
    await strategy.onTick(g.clock.nowMs());
    expect(await position()).toMatchObject({ exitOwner: 'STRATEGY', exitReason: 'STOP_LOSS_HIT' });
    expect((await exits('CE')).map((o) => o.status)).toEqual(['ACCEPTED']);
    expect((await exits('PE')).map((o) => o.status)).toEqual(['ACCEPTED']);
  }

  it('re-prices the leg left behind the market until both legs are flat', async () => {
    const { strategy, config } = startStrategy();
    await stopLoss(strategy);
    await fillExit('PE', 60.5);
    market.move(450, 55);
    g.clock.advance(config.closeOrderTimeoutMs);
    await strategy.onTick(g.clock.nowMs());
    await g.settle.settleAccount(g.account.id);
    await strategy.onTick(g.clock.nowMs());
    expect((await exits('CE')).map((o) => [o.status, o.limitPricePaise])).toEqual([
      ['CANCELED', 40050],
      ['ACCEPTED', 45050],
    ]);
    await fillExit('CE', 450.5);
    await strategy.onTick(g.clock.nowMs());
    expect(await position()).toMatchObject({ status: 'CLOSED', exitReason: 'STOP_LOSS_HIT' });
    expect((await decisions()).at(-1)).toBe('EXIT_COMPLETE');
  });

  it('keeps working it after a restart in the middle, adopting the working order instead of sending a second one (fails on main)', async () => {
    const before = startStrategy();
    await stopLoss(before.strategy);
    await fillExit('PE', 60.5);
    // kill -9 while the call's exit rests behind a market that keeps running.
    market.move(450, 55);
    g.clock.advance(before.config.closeOrderTimeoutMs);
    const { strategy } = startStrategy();
    await strategy.onTick(g.clock.nowMs());
    expect(await decisions()).toContain('EXIT_RESUMED');
    await g.settle.settleAccount(g.account.id);
    await strategy.onTick(g.clock.nowMs());
    // The stale exit (up to 400.50) was canceled and re-priced at the touch; two exits never worked the call at once.
    expect((await exits('CE')).map((o) => [o.status, o.limitPricePaise])).toEqual([
      ['CANCELED', 40050],
      ['ACCEPTED', 45050],
    ]);
    expect(await exits('PE')).toHaveLength(1);
    await fillExit('CE', 450.5);
    await strategy.onTick(g.clock.nowMs());
    expect(await position()).toMatchObject({ status: 'CLOSED', exitReason: 'STOP_LOSS_HIT' });
    expect((await decisions()).at(-1)).toBe('EXIT_COMPLETE');
  });

  it("holds a leg whose exit a person canceled, works the other, and hands over when the person exits (fails on main: the leg was sent again)", async () => {
    const { strategy, config } = startStrategy();
    await stopLoss(strategy);
    const [callExit] = await exits('CE');
    await g.cancel.cancel(callExit.id, 'user:trader');
    await g.settle.settleAccount(g.account.id);
    await fillExit('PE', 60.5);
    g.clock.advance(config.closeOrderTimeoutMs);
    await strategy.onTick(g.clock.nowMs());
    await strategy.onTick(g.clock.nowMs());
    expect(await exits('CE')).toHaveLength(1);
    expect(await decisions()).toEqual(expect.arrayContaining(['EXIT_LEG_HELD', 'EXIT_HELD']));
    const detail = await new PositionDetailService(g.dataSource, g.clock, calendar, new StrategySettingsQuery(g.dataSource)).detail(positionId);
    expect({ state: detail.state, legs: detail.legs.map((l) => [l.optionType, l.exitState]) }).toEqual({
      state: 'EXITING',
      legs: [
        ['CE', 'HELD'],
        ['PE', 'FLAT'],
      ],
    });
    // The exit chaser leaves the strategy's exit alone, held leg included.
    const manual = new ManualExitService(g.dataSource, g.orders, simQuotes(market), g.clock);
    const chaser = new ExitChaserService(g.dataSource, g.clock, simQuotes(market), g.cancel, manual, new StrategySettingsQuery(g.dataSource));
    expect(await chaser.chase()).toEqual({ canceled: [], resent: [] });

    // The person exits the position: the exit is theirs (and the chaser's) now; the strategy keeps out.
    await manual.exit(positionId, 'close the call');
    expect(await position()).toMatchObject({ exitOwner: 'PERSON', exitReason: 'MANUAL' });
    await strategy.onTick(g.clock.nowMs());
    expect((await exits('CE')).map((o) => o.status)).toEqual(['CANCELED', 'ACCEPTED']);
    await fillExit('CE', 400.5);
    expect(await position()).toMatchObject({ status: 'CLOSED', exitReason: 'MANUAL' });
  });
});
