import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import { InMemoryPaperBookStore, PaperExecutionClient } from '@mcube/brokers-paper';
import { createLlmValidator, Fts5KnowledgeStore } from '@mcube/llm';
import { MarketSimulator, SCREEN_STOCK_HISTORY_TRADING_DAYS } from '@mcube/market-sim';
import type { DataSource } from 'typeorm';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { modelledFuturesMarketData } from '../../src/modules/data/instruments/modelled-futures-market-data';
import { paperContractRules } from '../../src/modules/orders/paper/paper-contract-rules';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase } from '../db/test-database';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ApprovalEvents } from '../../src/modules/strategies/approvals/approval-events';
import { ApprovalsService } from '../../src/modules/strategies/approvals/approvals.service';
import { ONE_PROCESS_APPROVALS } from '../../src/modules/strategies/approvals/approval-command-route';
import { IciciFuturesRunner } from '../../src/modules/strategies/icici/icici-futures.runner';
import type { TestDatabase } from '../db/test-database';
import { buildStrangleRuntime, type StrangleRuntime } from './strangle-harness';

/** One API process for the ICICI restart tests: its own connection to the database, gateway, runner and pushed order updates. */
export interface IciciProcess {
  readonly dataSource: DataSource;
  readonly rt: StrangleRuntime;
  readonly runner: IciciFuturesRunner;
  readonly approvals: ApprovalsService;
}

/** What outlives a process: the database, the market, the paper broker (the broker's side), the clock. */
export interface IciciProcessWorld {
  readonly db: TestDatabase;
  readonly clock: FixedClock;
  readonly calendar: NseCalendar;
  readonly market: MarketSimulator;
  readonly paper: PaperExecutionClient;
  readonly knowledge: Fts5KnowledgeStore;
  readonly accountId: number;
}

const HOUR_MS = 60 * 60_000;

/** Command 1's simulator (seed 1, its stock history) from the week whose screens propose (see icici-command-one.spec.ts); two weeks, for two entries. */
export const RESTART_WEEKS = { from: '2026-11-16', to: '2026-11-27', slots: ['09:30', '10:00', '10:30', '11:00'] } as const;

/**
 * A fresh world for the restart tests: a database of this pass's dialect, migrated, with an ICICI
 * paper account and its strategy configured as `init` seeds them; the simulator at 09:15 on the
 * first day; a paper broker over the modelled futures whose waits advance the market clock.
 */
export async function createIciciProcessWorld(): Promise<IciciProcessWorld> {
  const calendar = createDefaultNseCalendar();
  const db = await createTestDatabase();
  const seedDs = await db.openMigrated();
  const clock = new FixedClock(epochMsOfIst(RESTART_WEEKS.from, '09:15'));
  const market = new MarketSimulator({ seed: 1, startDate: RESTART_WEEKS.from, calendar, tickIntervalMs: HOUR_MS / 4, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS }, clock);
  const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'ICICI')!;
  const account = await insertAccount(seedDs, { broker: 'ICICI', allocatedCapitalPaise: seed.allocatedCapitalPaise, isPaperTrading: true });
  await seedDs.getRepository(StrategyConfig).save({ accountId: account.id, strategyType: 'LLM_VALIDATED_FUTURES', isActive: true, parameters: { ...seed.parameters } });
  await seedDs.destroy();
  const sleep = async (ms: number) => clock.advance(ms);
  const paper = await PaperExecutionClient.create({ config: { capitalPaise: account.allocatedCapitalPaise, contractRules: paperContractRules }, clock, marketData: modelledFuturesMarketData(market, calendar, clock), store: new InMemoryPaperBookStore(), sleep });
  return { db, clock, calendar, market, paper, knowledge: new Fts5KnowledgeStore(':memory:'), accountId: account.id };
}

/** The process dies: nothing of it hears the broker any more (its connection closed). */
export async function stopIciciProcess(proc: IciciProcess): Promise<void> {
  proc.rt.orderUpdates.onModuleDestroy();
  await proc.dataSource.destroy();
}

/** Where the next screen search starts: the screen slots of `RESTART_WEEKS`, each run once, in order. */
export class ScreenSlotCursor {
  private at: { date: string; slot: number } = { date: RESTART_WEEKS.from, slot: 0 };

  constructor(private readonly world: IciciProcessWorld) {}

  /** Runs the slots on from where the last search stopped until one asks for an approval; returns its date and slot. */
  async nextRequest(proc: IciciProcess): Promise<{ date: string; slot: string }> {
    const { calendar, clock, accountId } = this.world;
    const { to, slots } = RESTART_WEEKS;
    for (let date = this.at.date; date <= to; date = addDays(date, 1), this.at = { date, slot: 0 }) {
      if (!calendar.isTradingDay(date)) continue;
      for (let i = this.at.slot; i < slots.length; i++) {
        clock.set(epochMsOfIst(date, slots[i]));
        this.at = { date, slot: i + 1 };
        const run = await proc.runner.withStrategy(accountId, (s) => s.runScreenIfDue(clock.nowMs()));
        if (run?.request) return { date, slot: slots[i] };
      }
    }
    throw new Error(`no entry proposed from ${RESTART_WEEKS.from} to ${to}`);
  }
}

/**
 * Boots a process over `world` (a "restart" is a new one over the same world). Fill and exit
 * timeouts are an hour, so only a fill (or its absence) moves an order.
 */
export async function bootIciciProcess(world: IciciProcessWorld): Promise<IciciProcess> {
  const { db, clock, calendar, market, paper, knowledge, accountId } = world;
  const dataSource = await db.open();
  let runner!: IciciFuturesRunner;
  const events = new ApprovalEvents();
  const bus = new AppEventsBus();
  const rt = buildStrangleRuntime({
    dataSource,
    clock,
    calendar,
    market,
    paper,
    accountId,
    bus,
    alerts: new AlertsService(dataSource, bus),
    icici: (p) => (runner = new IciciFuturesRunner(dataSource, market, clock, calendar, createLlmValidator({ mode: 'rules' }), knowledge, p.orders, p.cancels, p.margins, p.alerts, p.bus, events, { entryFillTimeoutMs: HOUR_MS, exitOrderTimeoutMs: HOUR_MS })),
  });
  const approvals = new ApprovalsService(dataSource, clock, new AuditService(dataSource.getRepository(AuditLogEntity)), runner, events, ONE_PROCESS_APPROVALS);
  return { dataSource, rt, runner, approvals };
}
