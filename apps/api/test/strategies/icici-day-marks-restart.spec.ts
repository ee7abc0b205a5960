import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { InMemoryPaperBookStore, PaperExecutionClient } from '@mcube/brokers-paper';
import { Fts5KnowledgeStore } from '@mcube/llm';
import { MarketSimulator, SCREEN_STOCK_HISTORY_TRADING_DAYS } from '@mcube/market-sim';
import type { IciciFuturesSnapshot } from '@mcube/strategy-icici-futures';
import type { Principal } from '../../src/common/request-context/principal';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { modelledFuturesMarketData } from '../../src/modules/data/instruments/modelled-futures-market-data';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { paperContractRules } from '../../src/modules/orders/paper/paper-contract-rules';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { DbStrategyStateStore } from '../../src/modules/strategies/runtime/db-strategy-state.store';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { bootIciciProcess, type IciciProcess } from './icici-process';

/** Command 1's simulator week whose screens propose (as icici-restart.spec.ts). */
const FROM = '2026-11-16';
const TO = '2026-11-27';
const SLOTS = ['09:30', '10:00', '10:30', '11:00'];
const TRADER: Principal = { userId: 1, username: 'restart-trader', role: 'trader', via: 'session', credentialId: 'test' };
const MINUTE = 60_000;

// What the ICICI futures strategy did once today (the screen slots it ran, the averaging
// requests it raised, the overnight-hold alert) is stored with its state in
// `strategy_runtime_states` before it is done: a process restarted over the same database (this
// pass's dialect) does not screen a slot again, so it raises no second approval request or alert.
describe('ICICI futures: the day marks kept across a restart', () => {
  let db: TestDatabase;
  let clock: FixedClock;
  let paper: PaperExecutionClient;
  let market: MarketSimulator;
  let accountId: number;
  let proc: IciciProcess;
  let slotCursor = { date: FROM, slot: 0 };
  const calendar = createDefaultNseCalendar();
  const knowledge = new Fts5KnowledgeStore(':memory:');

  const boot = (): Promise<IciciProcess> => bootIciciProcess({ db, clock, calendar, market, paper, knowledge, accountId });
  const restart = async () => {
    proc.rt.orderUpdates.onModuleDestroy();
    await proc.dataSource.destroy();
    proc = await boot();
  };
  const ds = () => proc.dataSource;
  const decisions = async () => (await ds().getRepository(DecisionJournalEntry).find({ where: { accountId }, order: { id: 'ASC' } })).map((d) => d.decision);
  const alertsTitled = (title: string) => ds().getRepository(Alert).count({ where: { accountId, title } });
  const requests = async () => (await proc.approvals.list({ accountId })).length;
  const stored = () => new DbStrategyStateStore<IciciFuturesSnapshot>(ds(), accountId, 'LLM_VALIDATED_FUTURES').load();
  const tick = () => proc.runner.forEachStrategy((s) => s.onTick(clock.nowMs()));

  /** Runs the screen slots on from where the last search stopped until one asks for an approval; returns its date and slot. */
  const nextRequest = async (): Promise<{ date: string; slot: string }> => {
    for (let date = slotCursor.date; date <= TO; date = addDays(date, 1), slotCursor = { date, slot: 0 }) {
      if (!calendar.isTradingDay(date)) continue;
      for (let i = slotCursor.slot; i < SLOTS.length; i++) {
        clock.set(epochMsOfIst(date, SLOTS[i]));
        slotCursor = { date, slot: i + 1 };
        const run = await proc.runner.withStrategy(accountId, (s) => s.runScreenIfDue(clock.nowMs()));
        if (run?.request) return { date, slot: SLOTS[i] };
      }
    }
    throw new Error(`no entry proposed from ${FROM} to ${TO}`);
  };
  const pendingEntry = async () => (await proc.approvals.list({ status: 'PENDING', accountId })).filter((a) => a.kind === 'ENTRY')[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    const seedDs = await db.openMigrated();
    clock = new FixedClock(epochMsOfIst(FROM, '09:15'));
    const sleep = async (ms: number) => clock.advance(ms);
    market = new MarketSimulator({ seed: 1, startDate: FROM, calendar, tickIntervalMs: 15 * MINUTE, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS }, clock);
    const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'ICICI')!;
    const account = await insertAccount(seedDs, { broker: 'ICICI', allocatedCapitalPaise: seed.allocatedCapitalPaise, isPaperTrading: true });
    accountId = account.id;
    await seedDs.getRepository(StrategyConfig).save({ accountId, strategyType: 'LLM_VALIDATED_FUTURES', isActive: true, parameters: { ...seed.parameters } });
    await seedDs.destroy();
    paper = await PaperExecutionClient.create({ config: { capitalPaise: account.allocatedCapitalPaise, contractRules: paperContractRules }, clock, marketData: modelledFuturesMarketData(market, calendar, clock), store: new InMemoryPaperBookStore(), sleep });
    proc = await boot();
  }, 300_000);

  afterAll(async () => {
    if (proc?.dataSource.isInitialized) {
      proc.rt.orderUpdates.onModuleDestroy();
      await proc.dataSource.destroy();
    }
    await db?.dispose();
  });

  it('a slot screened (its request turned down) before the restart is not screened again after it: no second request or alert', async () => {
    const { date, slot } = await nextRequest();
    // Turned down: no request stays open, so only the stored slot keeps the restarted strategy from asking again.
    await proc.approvals.rejectWithOutcome(Number((await pendingEntry()).id), TRADER, 'not this one');
    expect(await stored()).toMatchObject({ dayMarks: { date, marks: expect.arrayContaining([`screen:${slot}`]) } });
    const before = { decisions: await decisions(), requests: await requests(), alerts: await alertsTitled('ICICI entry awaits approval') };
    expect(before.requests).toBeGreaterThan(0);
    expect(before.alerts).toBe(before.requests);

    await restart();
    clock.set(epochMsOfIst(date, slot) + 10 * MINUTE);
    expect(await proc.runner.withStrategy(accountId, (s) => s.runScreenIfDue(clock.nowMs()))).toBeNull();
    await tick();

    expect(await decisions()).toEqual(before.decisions);
    expect(await requests()).toBe(before.requests);
    expect(await alertsTitled('ICICI entry awaits approval')).toBe(before.alerts);
  }, 600_000);

  // The alerts module's cooldown (`strategy:eod`, a day) holds this alert too; the stored mark keeps the strategy from raising it.
  it('the overnight-hold alert raised before the restart is not raised again that day', async () => {
    const { date } = await nextRequest();
    await proc.approvals.approveWithOutcome(Number((await pendingEntry()).id), TRADER);
    for (let pass = 0; pass < 6 && !(await decisions()).includes('ENTRY_FILLED'); pass++) {
      await paper.matchNow();
      await proc.rt.settle.settleAccount(accountId, paper);
      await proc.rt.orderUpdates.settled();
    }
    expect(await decisions()).toContain('ENTRY_FILLED');
    const open = await ds().getRepository(Position).findOneByOrFail({ accountId, status: 'ACTIVE' });
    const [entry] = await ds().getRepository(Order).find({ where: { accountId, purpose: 'ENTRY', status: 'FILLED' } });
    // Stop and target out of reach, so at 15:15 the position is held overnight below the minimum profit.
    const far = open.stopLossPricePaise! * 10;
    await ds().getRepository(Position).update(open.id, entry.side === 'BUY' ? { stopLossPricePaise: 5, targetPricePaise: far } : { stopLossPricePaise: far, targetPricePaise: 5 });
    const title = 'Futures position held overnight below the EOD minimum profit';
    clock.set(epochMsOfIst(date, '15:15'));
    await tick();
    expect(await alertsTitled(title)).toBe(1);
    expect(await stored()).toMatchObject({ dayMarks: { date, marks: expect.arrayContaining(['eod-alert']) } });

    await restart();
    clock.set(epochMsOfIst(date, '15:16'));
    await tick();

    expect((await decisions()).at(-1)).toBe('HOLD');
    expect(await alertsTitled(title)).toBe(1);
  }, 600_000);
});
