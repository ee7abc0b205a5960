import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import type { OrderUpdatedEvent } from '@mcube/contracts';
import { InMemoryPaperBookStore, PaperExecutionClient } from '@mcube/brokers-paper';
import { createLlmValidator, Fts5KnowledgeStore } from '@mcube/llm';
import { MarketSimulator, SCREEN_STOCK_HISTORY_TRADING_DAYS } from '@mcube/market-sim';
import { IciciFuturesStrategy } from '@mcube/strategy-icici-futures';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../src/common/request-context/principal';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { modelledFuturesMarketData } from '../../src/modules/data/instruments/modelled-futures-market-data';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { paperContractRules } from '../../src/modules/orders/paper/paper-contract-rules';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ApprovalEvents } from '../../src/modules/strategies/approvals/approval-events';
import { ApprovalsService } from '../../src/modules/strategies/approvals/approvals.service';
import { ONE_PROCESS_APPROVALS } from '../../src/modules/strategies/approvals/approval-command-route';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { IciciFuturesRunner } from '../../src/modules/strategies/icici/icici-futures.runner';
import type { StrategyOrderUpdates } from '../../src/modules/strategies/runtime/strategy-order-updates';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { buildStrangleRuntime } from './strangle-harness';

/** Command 1's simulator (seed 1, its stock history) over the week whose screens propose (see icici-command-one.spec.ts). */
const FROM = '2026-11-16';
const TO = '2026-11-20';
const SLOTS = ['09:30', '10:00', '10:30', '11:00'];
const TRADER: Principal = { userId: 1, username: 'events-trader', role: 'trader', via: 'session', credentialId: 'test' };

// Issue 13: the ICICI futures runner hears its entry order's fill as a pushed `order.updated`
// (after commit), not at the next monitor tick: the stop and target are stored from the fill's
// average at once. No monitor tick runs unless the test runs one.
describe('ICICI futures entry fill pushed to the runner (no monitor tick in between)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let clock: FixedClock;
  let paper: PaperExecutionClient;
  let runner: IciciFuturesRunner;
  let orderUpdates: StrategyOrderUpdates;
  let bus: AppEventsBus;
  let accountId: number;
  let sync: () => Promise<void>;
  let ticks: jest.SpyInstance;
  const pushed: OrderUpdatedEvent[] = [];
  const decisions = async () => (await dataSource.getRepository(DecisionJournalEntry).find({ where: { accountId }, order: { id: 'ASC' } })).map((d) => d.decision);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    dataSource = await db.openMigrated();
    clock = new FixedClock(epochMsOfIst(FROM, '09:15'));
    const sleep = async (ms: number) => clock.advance(ms);
    const calendar = createDefaultNseCalendar();
    const market = new MarketSimulator({ seed: 1, startDate: FROM, calendar, tickIntervalMs: 15 * 60_000, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS }, clock);
    const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'ICICI')!;
    const account = await insertAccount(dataSource, { broker: 'ICICI', allocatedCapitalPaise: seed.allocatedCapitalPaise, isPaperTrading: true });
    accountId = account.id;
    await dataSource.getRepository(StrategyConfig).save({ accountId, strategyType: 'LLM_VALIDATED_FUTURES', isActive: true, parameters: { ...seed.parameters } });
    paper = await PaperExecutionClient.create({ config: { capitalPaise: account.allocatedCapitalPaise, contractRules: paperContractRules }, clock, marketData: modelledFuturesMarketData(market, calendar, clock), store: new InMemoryPaperBookStore(), sleep });
    bus = new AppEventsBus();
    bus.subscribe((m) => void (m.event === 'order.updated' && pushed.push(m.data)));
    const events = new ApprovalEvents();
    const knowledge = new Fts5KnowledgeStore(':memory:');
    const rt = buildStrangleRuntime({
      dataSource,
      clock,
      calendar,
      market,
      paper,
      accountId,
      bus,
      alerts: new AlertsService(dataSource, bus),
      // Fill timeouts long enough that only a fill (or its absence) moves the order.
      icici: (p) => (runner = new IciciFuturesRunner(dataSource, market, clock, calendar, createLlmValidator({ mode: 'rules' }), knowledge, p.orders, p.cancels, p.margins, p.alerts, p.bus, events, { entryFillTimeoutMs: 60 * 60_000, exitOrderTimeoutMs: 60 * 60_000 })),
    });
    orderUpdates = rt.orderUpdates;
    sync = async () => {
      await paper.matchNow();
      await rt.settle.settleAccount(accountId, paper);
      await orderUpdates.settled();
    };
    const approvals = new ApprovalsService(dataSource, clock, new AuditService(dataSource.getRepository(AuditLogEntity)), runner, events, ONE_PROCESS_APPROVALS);

    // The screen slots of the week (the screen job's call) until one asks for an approval, which the trader gives: the entry goes out.
    let requested = false;
    for (let date = FROM; date <= TO && !requested; date = addDays(date, 1)) {
      if (!calendar.isTradingDay(date)) continue;
      for (const time of SLOTS) {
        clock.set(epochMsOfIst(date, time));
        const run = await runner.withStrategy(accountId, (s) => s.runScreenIfDue(clock.nowMs()));
        if (!run?.request) continue;
        const [pending] = (await approvals.list({ status: 'PENDING', accountId })).filter((a) => a.kind === 'ENTRY');
        await approvals.approveWithOutcome(Number(pending.id), TRADER);
        requested = true;
        break;
      }
    }
    expect(requested).toBe(true);
  }, 600_000);

  beforeEach(() => {
    ticks = jest.spyOn(IciciFuturesStrategy.prototype, 'onTick');
  });

  afterEach(() => ticks.mockRestore());

  afterAll(async () => {
    await db?.dispose();
  });

  it('the entry fill is pushed: the fill is followed (stop and target stored) before any tick', async () => {
    const [entry] = await dataSource.getRepository(Order).find({ where: { accountId, purpose: 'ENTRY' } });
    expect(entry.status).toBe('ACCEPTED');
    expect(await decisions()).toContain('ENTRY_SUBMITTED');
    expect(await runner.withStrategy(accountId, async (s) => s.phase)).toBe('ORDER_WORKING');
    const at = clock.nowMs();

    for (let pass = 0; pass < 6 && !(await decisions()).includes('ENTRY_FILLED'); pass++) await sync();

    expect(pushed.some((e) => e.clientOrderId === entry.clientOrderId && e.status === 'FILLED')).toBe(true);
    const filled = await dataSource.getRepository(DecisionJournalEntry).findOneByOrFail({ accountId, decision: 'ENTRY_FILLED' });
    expect(filled.occurredAt.getTime()).toBe(at);
    expect(clock.nowMs()).toBe(at);
    const position = await dataSource.getRepository(Position).findOneByOrFail({ accountId, status: 'ACTIVE' });
    expect(position.stopLossPricePaise).toBeGreaterThan(0);
    expect(position.targetPricePaise).toBeGreaterThan(0);
    expect(await runner.withStrategy(accountId, async (s) => s.phase)).toBe('IDLE');
    expect(ticks).not.toHaveBeenCalled();
  }, 120_000);

  it('the same fill pushed twice more and then seen by a tick is followed once', async () => {
    const fill = pushed.find((e) => e.status === 'FILLED')!;
    const before = await dataSource.getRepository(Position).findOneByOrFail({ accountId, status: 'ACTIVE' });
    bus.publish('order.updated', fill);
    bus.publish('order.updated', fill);
    await orderUpdates.settled();
    await runner.forEachStrategy((s) => s.onTick(clock.nowMs()));

    expect((await decisions()).filter((d) => d === 'ENTRY_FILLED')).toHaveLength(1);
    expect(await dataSource.getRepository(Order).count({ where: { accountId } })).toBe(1);
    const after = await dataSource.getRepository(Position).findOneByOrFail({ id: before.id });
    expect([after.stopLossPricePaise, after.targetPricePaise]).toEqual([before.stopLossPricePaise, before.targetPricePaise]);
    expect(ticks).toHaveBeenCalledTimes(1);
  }, 120_000);
});
