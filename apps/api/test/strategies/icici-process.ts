import type { FixedClock, NseCalendar } from '@mcube/domain';
import type { PaperExecutionClient } from '@mcube/brokers-paper';
import { createLlmValidator, type Fts5KnowledgeStore } from '@mcube/llm';
import type { MarketSimulator } from '@mcube/market-sim';
import type { DataSource } from 'typeorm';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ApprovalEvents } from '../../src/modules/strategies/approvals/approval-events';
import { ApprovalsService } from '../../src/modules/strategies/approvals/approvals.service';
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
  const approvals = new ApprovalsService(dataSource, clock, new AuditService(dataSource.getRepository(AuditLogEntity)), runner, events);
  return { dataSource, rt, runner, approvals };
}
