import { buildNseFoCsv, KOTAK_TEST_DAY, kotakTradingSymbol, neoFixtureText } from '@mcube/brokers-kotak-neo/testing';
import { addDays, createDefaultNseCalendar, epochMsOfIst } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { EconomicEvent } from '../../src/modules/data/entities/economic-event.entity';
import { EconomicEventsService } from '../../src/modules/data/events/economic-events.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { AccountMarginService } from '../../src/modules/orders/account-margin.service';
import { LiveMarketData } from '../../src/modules/orders/live/live-market-data.service';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { PositionMonitorService } from '../../src/modules/positions/position-monitor.service';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { KotakStrangleRunner } from '../../src/modules/strategies/runtime/kotak-strangle.runner';
import { simQuotes } from '../orders/sim-contract-quotes';
import { startKotakLive, type KotakLiveHarness } from './kotak-live-harness';
import { monthContracts } from './kotak-month-broker';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

const DAY = KOTAK_TEST_DAY;
const round05 = (x: number) => Math.round(x * 20) / 20;

/**
 * Issue 14 §1: a LIVE Kotak account's strangle reads NIFTY spot, India VIX, the chain and the
 * contracts from Kotak's quotes endpoint (the local Neo server), not from the configured source
 * (a seeded simulator here, which still serves what Kotak does not offer: daily bars, global cues).
 */
describe('the strangle of a LIVE Kotak account on Kotak market data (local Neo server)', () => {
  let h: KotakLiveHarness;
  let sim: MarketSimulator;
  let runner: KotakStrangleRunner;
  let monthly: Set<string>;
  let specs: ReturnType<typeof monthContracts>['specs'];

  beforeEach(async () => {
    ({ specs, monthly } = monthContracts(DAY, DAY));
    // Orders rest at the Neo server until the test fills them (a leg can lag), however Kotak's quotes move.
    h = await startKotakLive({ master: { date: DAY, nseFo: buildNseFoCsv(specs), nseCm: neoFixtureText('nse_cm.csv') }, fillOnCross: false });
    const calendar = createDefaultNseCalendar();
    sim = new MarketSimulator({ seed: 7, startDate: DAY, calendar, tickIntervalMs: 5 * 60_000 }, h.clock);
    const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'KOTAK')!;
    await h.dataSource.getRepository(StrategyConfig).save({ accountId: h.account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true, parameters: { ...seed.parameters, maxGiftNiftyChangePct: 5, maxUsChangePct: 5 } });
    const bus = new AppEventsBus();
    const events = new EconomicEventsService(h.dataSource.getRepository(EconomicEvent), h.dataSource, new AuditService(h.dataSource.getRepository(AuditLogEntity)));
    const live = new LiveMarketData(h.registry, h.live);
    runner = new KotakStrangleRunner(h.dataSource, sim, h.clock, calendar, h.orders, h.cancel, new AccountMarginService(h.registry), new AlertsService(h.dataSource, bus), bus, events, {}, undefined, live);
  });
  afterEach(async () => h.close());

  /** Kotak's quotes: spot a little off the simulator's last close, VIX 13.45, every option near spot priced by distance, the OI walls 600 points out. */
  async function quoteKotak(): Promise<{ spot: number; vix: number }> {
    const bars = await sim.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: addDays(DAY, -10), to: addDays(DAY, -1) });
    const lastClose = bars[bars.length - 1].close;
    const spot = round05(lastClose + 12.35);
    h.server.setQuote('Nifty 50', { ltp: spot, close: lastClose });
    h.server.setQuote('India VIX', { ltp: 13.45, close: 13.1 });
    for (const c of specs) {
      if (Math.abs(c.strike! - spot) > spot * 0.12) continue;
      const intrinsic = Math.max(0, c.optionType === 'CE' ? spot - c.strike! : c.strike! - spot);
      const ltp = round05(intrinsic + 320 * Math.exp(-Math.abs(c.strike! - spot) / 500) + 0.35);
      const wall = c.optionType === 'CE' ? spot + 600 : spot - 600;
      const openInterest = Math.abs(c.strike! - wall) < 25 ? 5_000_000 : 200_000;
      h.server.setQuote(kotakTradingSymbol({ underlying: 'NIFTY', expiry: c.expiry, monthly: monthly.has(c.expiry), strike: c.strike!, optionType: c.optionType! }), { ltp, bid: round05(ltp - 0.4), ask: round05(ltp + 0.4), openInterest });
    }
    return { spot, vix: 13.45 };
  }

  /** The quote the local Neo server holds for one NIFTY option of the test (as its order book sees it). */
  const neoSymbol = (expiry: string, strike: number, optionType: 'CE' | 'PE') => kotakTradingSymbol({ underlying: 'NIFTY', expiry, monthly: monthly.has(expiry), strike, optionType });

  type Evaluation = { market: { spot: number; vix: number }; expiry: { expiry: string }; premium: { call: { strike: number; bid: number; limitPrice: number }; put: { strike: number; bid: number; limitPrice: number } }; sizing: { lotSizeSource: string } };

  /** Goes LIVE, sets Kotak's quotes at 10:00 and runs the day's entry: the ENTER decision's evaluation. */
  async function enterOnKotak(): Promise<{ kotak: { spot: number; vix: number }; ev: Evaluation }> {
    await h.goLive();
    h.server.setFunds({ netPaise: h.account.allocatedCapitalPaise, marginUsedPaise: 0, collateralPaise: 0 });
    h.clock.set(epochMsOfIst(DAY, '10:00'));
    const kotak = await quoteKotak();
    await runner.forEachStrategy((s) => s.runDailyEntry(h.clock.nowMs()));
    const [decision] = await h.dataSource.getRepository(DecisionJournalEntry).find({ where: { accountId: h.account.id } });
    expect(decision.decision).toBe('ENTER');
    return { kotak, ev: decision.inputs['evaluation'] as Evaluation };
  }

  /** Both legs fill at Kotak; the strategy takes the ACTIVE position on its next tick. */
  async function fillEntry(): Promise<void> {
    for (const o of h.server.orders()) if (o.filled < o.quantity) h.server.fill(o.orderNo);
    await h.settle.settleAccount(h.account.id);
    h.clock.advance(60_000);
    await runner.forEachStrategy((s) => s.onTick(h.clock.nowMs()));
  }

  it('evaluates, enters, monitors and exits on Kotak\'s spot, VIX and chain: the journal, the marks and the orders at the broker carry Kotak\'s prices, not the simulator\'s', async () => {
    // Evaluation and entry: spot, VIX, chain (prices and OI walls) and lot size from Kotak.
    const { kotak, ev } = await enterOnKotak();
    expect((await sim.quote('NIFTY 50')).lastPrice).not.toBe(kotak.spot);
    expect((await sim.vix()).value).not.toBe(kotak.vix);
    expect([ev.market.spot, ev.market.vix]).toEqual([kotak.spot, kotak.vix]);
    expect(ev.sizing.lotSizeSource).toBe('INSTRUMENT_MASTER');
    const expiry = ev.expiry.expiry;
    const { call, put } = ev.premium;
    const simChain = await sim.optionChain({ underlying: 'NIFTY', expiry });
    expect(simChain.strikes.find((r) => r.strike === call.strike)?.call?.bid).not.toBe(call.bid);
    // The orders at Kotak: both legs SELL at the limit read from Kotak's bid.
    const placed = h.server.orders();
    expect(placed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(placed.map((o) => `${o.side} ${o.contract.strike} ${o.contract.optionType} ${o.limitPaise}`))).toEqual(
      new Set([`S ${call.strike} CE ${Math.round(call.limitPrice * 100)}`, `S ${put.strike} PE ${Math.round(put.limitPrice * 100)}`]),
    );

    // Both legs fill at Kotak; the position is ACTIVE and the monitor marks it at Kotak's prices.
    await fillEntry();
    h.server.setQuote(neoSymbol(expiry, call.strike, 'CE'), { ltp: 101.25, bid: 101, ask: 101.5 });
    h.server.setQuote(neoSymbol(expiry, put.strike, 'PE'), { ltp: 61.25, bid: 61, ask: 61.5 });
    h.clock.advance(5_000);
    let marks: readonly { optionType: string; markPrice: number }[] = [];
    await runner.forEachStrategy(async (s) => {
      marks = (await s.monitor(h.clock.nowMs()))?.legs ?? [];
    });
    expect(marks.map((l) => [l.optionType, l.markPrice]).sort()).toEqual([['CE', 101.25], ['PE', 61.25]]);

    // The call trebles at Kotak: the stop fires and the exit orders go out priced on Kotak's quotes.
    h.server.setQuote(neoSymbol(expiry, call.strike, 'CE'), { ltp: 300, bid: 299.5, ask: 300.5 });
    h.clock.advance(5_000);
    const before = h.server.orders().length;
    await runner.forEachStrategy((s) => s.monitor(h.clock.nowMs()));
    await runner.forEachStrategy((s) => s.onTick(h.clock.nowMs()));
    const exits = h.server.orders().slice(before);
    expect(exits.length).toBeGreaterThanOrEqual(2);
    expect(exits.every((o) => o.side === 'B')).toBe(true);
    const callExit = exits.find((o) => o.contract.optionType === 'CE')!;
    expect(callExit.limitPaise).toBeGreaterThanOrEqual(30_050);
  });

  it('the same account on PAPER reads the configured source (the simulator): Kotak is asked for no quote', async () => {
    h.clock.set(epochMsOfIst(DAY, '10:00'));
    await quoteKotak();
    const simSpot = (await sim.quote('NIFTY 50')).lastPrice;
    await runner.forEachStrategy((s) => s.runDailyEntry(h.clock.nowMs())).catch(() => undefined);
    const [decision] = await h.dataSource.getRepository(DecisionJournalEntry).find({ where: { accountId: h.account.id } });
    expect((decision.inputs['evaluation'] as { market: { spot: number } }).market.spot).toBe(simSpot);
    expect(h.server.requests('quotes')).toEqual([]);
  });

  /** A filled LIVE strangle whose contract quotes are routed by LiveMarketData (Kotak's for this account). */
  async function liveStrangleOnKotak() {
    const quotes = simQuotes(sim);
    new LiveMarketData(h.registry, h.live, undefined, quotes).onModuleInit();
    const { ev } = await enterOnKotak();
    await fillEntry();
    return { quotes, expiry: ev.expiry.expiry, ...ev.premium };
  }

  it('the position monitor marks the LIVE strangle at Kotak\'s prices and a person\'s exit is priced on Kotak\'s touch (ContractQuotes routed by LiveMarketData), not the simulator\'s', async () => {
    const { quotes, expiry, call, put } = await liveStrangleOnKotak();
    h.server.setQuote(neoSymbol(expiry, call.strike, 'CE'), { ltp: 150.25, bid: 150, ask: 150.5 });
    h.server.setQuote(neoSymbol(expiry, put.strike, 'PE'), { ltp: 40.25, bid: 40, ask: 40.5 });
    h.clock.advance(5_000);
    const position = await h.dataSource.getRepository(Position).findOneByOrFail({ accountId: h.account.id, status: 'ACTIVE' });
    const exitsService = new ManualExitService(h.dataSource, h.orders, quotes, h.clock);
    // The position monitor marks the legs at Kotak's last prices.
    const alerts = new AlertsService(h.dataSource, new AppEventsBus());
    await new PositionMonitorService(h.dataSource, h.clock, quotes, new CircuitBreakerTripService(h.dataSource, h.clock, exitsService, new RiskPositionsQuery(h.dataSource), new DailyPnlHistoryQuery(h.dataSource), alerts), createDefaultNseCalendar(), new AppEventsBus()).tick();
    const legs = await h.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    expect(legs.map((l) => [l.instrumentType, l.lastPricePaise]).sort()).toEqual([['CE', 150_25], ['PE', 40_25]]);
    const before = h.server.orders().length;

    await exitsService.exit(position.id, 'trader exit');
    const exits = h.server.orders().slice(before);
    expect(new Set(exits.map((o) => `${o.side} ${o.contract.optionType}`))).toEqual(new Set(['B CE', 'B PE']));
    const simAsk = (await sim.optionChain({ underlying: 'NIFTY', expiry })).strikes.find((r) => r.strike === call.strike)?.call?.ask;
    expect(simAsk).not.toBeCloseTo(150.5, 0);
    // BUY at Kotak's ask plus the gateway's protection: at or above the ask, within 5% of it.
    for (const o of exits) {
      const ask = o.contract.optionType === 'CE' ? 150.5 : 40.5;
      expect(o.limitPaise).toBeGreaterThanOrEqual(ask * 100);
      expect(o.limitPaise).toBeLessThanOrEqual(ask * 105);
    }
  });
  it("the circuit breaker trips on the LIVE strangle marked at Kotak's prices: both legs' exits are priced on Kotak's asks and reach the Neo server; the put's fills, the call's lags, and the position stays open until both are flat", async () => {
    const { quotes, expiry, call, put } = await liveStrangleOnKotak();
    const position = await h.dataSource.getRepository(Position).findOneByOrFail({ accountId: h.account.id, status: 'ACTIVE' });
    // A ₹1,000 daily loss limit, and both legs trebled at Kotak: the marks breach it.
    await h.dataSource.getRepository(RiskLimit).save({ accountId: h.account.id, maxMarginUsagePct: 0.5, firstTradeFraction: 1, dailyLossLimitPaise: 1_000_00, weeklyLossLimitPaise: null, weeklyProfitTargetPaise: 1, monthlyProfitTargetPaise: 1, maxDrawdownPct: 0.5, perPositionStopPaise: null, perTradeRiskPaise: null, maxLeverage: null, maxTotalExposurePaise: null, maxPositionExposurePaise: null });
    const callAsk = round05(call.limitPrice * 3);
    const putAsk = round05(put.limitPrice * 3);
    h.server.setQuote(neoSymbol(expiry, call.strike, 'CE'), { ltp: callAsk - 0.25, bid: callAsk - 0.5, ask: callAsk });
    h.server.setQuote(neoSymbol(expiry, put.strike, 'PE'), { ltp: putAsk - 0.25, bid: putAsk - 0.5, ask: putAsk });
    h.clock.advance(5_000);
    const alerts = new AlertsService(h.dataSource, new AppEventsBus());
    const exitsService = new ManualExitService(h.dataSource, h.orders, quotes, h.clock);
    const jobs = new JobHandlersRegistry();
    registerJobHandlersOf(jobs, new CircuitBreakerTripService(h.dataSource, h.clock, exitsService, new RiskPositionsQuery(h.dataSource), new DailyPnlHistoryQuery(h.dataSource), alerts));
    await new PositionMonitorService(h.dataSource, h.clock, quotes, new CircuitBreakerTripService(h.dataSource, h.clock, exitsService, new RiskPositionsQuery(h.dataSource), new DailyPnlHistoryQuery(h.dataSource), alerts), createDefaultNseCalendar(), new AppEventsBus()).markAll();
    const before = h.server.orders().length;

    // The `risk.circuit-breakers` job trips the account's breaker and exits every leg through the gateway.
    await jobs.handlerFor('risk.circuit-breakers')({ slot: `${DAY}T10:05:00` }, { name: 'risk.circuit-breakers', jobId: 'breaker@live', attempt: 1 });
    expect(await h.dataSource.getRepository(CircuitBreaker).countBy({ accountId: h.account.id })).toBe(1);
    const exits = h.server.orders().slice(before);
    const legs = await h.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    const open = Object.fromEntries(legs.map((l) => [l.instrumentType, l.quantity]));
    // Every exit is a BUY; per leg, the slices (freeze quantity) add up to its open quantity.
    expect(exits.every((o) => o.side === 'B')).toBe(true);
    const sent = (t: 'CE' | 'PE') => exits.filter((o) => o.contract.optionType === t);
    expect([sent('CE').reduce((n, o) => n + o.quantity, 0), sent('PE').reduce((n, o) => n + o.quantity, 0)]).toEqual([open['CE'], open['PE']]);
    expect(open['CE']).toBeGreaterThan(0);
    const simAsk = (await sim.optionChain({ underlying: 'NIFTY', expiry })).strikes.find((r) => r.strike === call.strike)?.call?.ask;
    expect(simAsk).not.toBeCloseTo(callAsk, 0);
    // BUY at Kotak's ask plus the gateway's protection: at or above the ask, within 5% of it.
    for (const o of exits) {
      const ask = o.contract.optionType === 'CE' ? callAsk : putAsk;
      expect(o.limitPaise).toBeGreaterThanOrEqual(Math.round(ask * 100));
      expect(o.limitPaise).toBeLessThanOrEqual(Math.round(ask * 105));
    }

    // The put's exit fills at Kotak, the call's lags: the position is still open on the call, exiting for the breaker.
    for (const o of sent('PE')) h.server.fill(o.orderNo);
    await h.settle.settleAccount(h.account.id);
    let now = await h.dataSource.getRepository(Position).findOneByOrFail({ id: position.id });
    let after = await h.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    expect([now.status, now.exitOwner]).toEqual(['ACTIVE', 'BREAKER']);
    expect(after.map((l) => [l.instrumentType, l.quantity]).sort()).toEqual([['CE', open['CE']], ['PE', 0]]);

    // The call's exit fills: flat on both legs, the position closes.
    for (const o of sent('CE')) h.server.fill(o.orderNo);
    await h.settle.settleAccount(h.account.id);
    now = await h.dataSource.getRepository(Position).findOneByOrFail({ id: position.id });
    after = await h.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    expect(after.map((l) => [l.instrumentType, l.quantity]).sort()).toEqual([['CE', 0], ['PE', 0]]);
    expect(now.status).toBe('CLOSED');
  });
});
