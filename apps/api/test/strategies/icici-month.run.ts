import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import { InMemoryPaperBookStore, PaperExecutionClient } from '@mcube/brokers-paper';
import type { LlmValidator } from '@mcube/domain';
import { createLlmValidator, Fts5KnowledgeStore } from '@mcube/llm';
import { MarketSimulator, type MarketSimConfig } from '@mcube/market-sim';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import type { JobQueue, JobStatus } from '../../src/jobs/job-queue.port';
import { JOB_NAMES } from '../../src/jobs/job-registry';
import { JobRunner } from '../../src/jobs/job-runner';
import { ScheduleTicker } from '../../src/jobs/schedule-ticker';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { RecordingValidator } from '../../src/modules/llm/recording-validator';
import { modelledFuturesMarketData } from '../../src/modules/data/instruments/modelled-futures-market-data';
import { paperContractRules } from '../../src/modules/orders/paper/paper-contract-rules';
import { ApprovalToken } from '../../src/modules/orders/entities/approval-token.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ApprovalEvents } from '../../src/modules/strategies/approvals/approval-events';
import { ApprovalRequestRow } from '../../src/modules/strategies/approvals/approval-request.entity';
import { ApprovalsService } from '../../src/modules/strategies/approvals/approvals.service';
import { ONE_PROCESS_APPROVALS } from '../../src/modules/strategies/approvals/approval-command-route';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { IciciFuturesRunner, type IciciRuntimeSettings } from '../../src/modules/strategies/icici/icici-futures.runner';
import { IciciJobHandlers } from '../../src/modules/strategies/icici/icici-job-handlers';
import { LlmValidation } from '../../src/modules/llm/entities/llm-validation.entity';
import type { Principal } from '../../src/common/request-context/principal';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase } from '../db/test-database';
import { deletePrefix, memoryLogger, SHARED_REDIS_URL, startBullMqJobQueue, uniquePrefix } from '../jobs/job-test-kit';
import { startApprovalsRestActor } from './approvals-rest-actor';
import { buildStrangleRuntime, finished, type DriverKind } from './strangle-harness';
import { sessionTimes } from './strangle-month.run';

/** What the month leaves behind for the assertions. */
export interface IciciMonthRun {
  readonly decisions: DecisionJournalEntry[];
  readonly orders: Order[];
  readonly positions: Position[];
  readonly approvals: ApprovalRequestRow[];
  readonly tokens: ApprovalToken[];
  readonly validations: LlmValidation[];
  /** Steps at which more than one position was ACTIVE (must stay empty). */
  readonly violations: string[];
  /** ENTRY/AVERAGE orders journaled while no approval of that account had just been given (must stay empty). */
  readonly unapprovedOrders: string[];
  readonly failures: string[];
  /** Ids of the requests the test actor saw pending through GET /api/approvals. */
  readonly seenPending: string[];
  readonly calendar: NseCalendar;
  readonly accountId: number;
}

/** The test actor: a trader who approves every pending request (or rejects every `rejectEvery`-th), through the approvals REST routes. */
const ACTOR: Principal = { userId: 1, username: 'month-trader', role: 'trader', via: 'session', credentialId: 'test' };

/**
 * The ICICI futures strategy inside the API's classes over a simulated month: the seeded
 * MarketSimulator (65 warm-up sessions of history) on a FixedClock stepped `stepMinutes` at a
 * time; every step is a ScheduleTicker tick → job driver (in-process by default, or BullMQ on the
 * shared Redis under a prefix of its own, deleted at the end) → handlers
 * (`strategy.icici.screen`, `positions.monitor` ticking the strategy, `strategy.icici.exit-check`,
 * `approvals.expire`) → strategy → validator (the rules validator unless `validator` is given,
 * e.g. the Ollama one against a local wire-format server; every validation stored) → approval
 * queue. After each step the test actor decides what is pending through the approvals REST
 * routes (GET /api/approvals, POST …/approve or …/reject: the token is minted, the strategy
 * sends through the gateway, which consumes it), then one paper matching + settlement pass
 * runs, as `OrderSyncScheduler` does in the API.
 */
export async function runIciciMonth(opts: { driver?: DriverKind; seed: number; from: string; to: string; stepMinutes: number; runtime?: IciciRuntimeSettings; parameters?: Record<string, unknown>; rejectEvery?: number; validator?: LlmValidator; sim?: Partial<MarketSimConfig> }): Promise<IciciMonthRun> {
  const db = await createTestDatabase('sqlite');
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(epochMsOfIst(opts.from, '09:15'));
  const sleep = async (ms: number) => clock.advance(ms);
  const calendar = createDefaultNseCalendar();
  const market = new MarketSimulator({ seed: opts.seed, startDate: opts.from, calendar, tickIntervalMs: opts.stepMinutes * 60_000, warmupTradingDays: 65, ...opts.sim }, clock);
  const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'ICICI')!;
  const account = await insertAccount(dataSource, { broker: 'ICICI', allocatedCapitalPaise: seed.allocatedCapitalPaise, isPaperTrading: true });
  await dataSource.getRepository(StrategyConfig).save({ accountId: account.id, strategyType: 'LLM_VALIDATED_FUTURES', isActive: true, parameters: { ...seed.parameters, ...opts.parameters } });

  const handlers = new JobHandlersRegistry();
  const logger = memoryLogger();
  const jobRunner = new JobRunner({ handlers, clock, calendar, logger });
  const driver = opts.driver ?? 'in-process';
  const prefix = uniquePrefix();
  const queue: JobQueue =
    driver === 'in-process'
      ? new InProcessJobQueue({ runner: jobRunner, handlers, clock, logger, sleep: async () => undefined })
      : await startBullMqJobQueue({ redisUrl: SHARED_REDIS_URL, prefix, runner: jobRunner, handlers, logger });
  const paper = await PaperExecutionClient.create({ config: { capitalPaise: account.allocatedCapitalPaise, contractRules: paperContractRules }, clock, marketData: modelledFuturesMarketData(market, calendar, clock), store: new InMemoryPaperBookStore(), sleep });
  const bus = new AppEventsBus();
  const alerts = new AlertsService(dataSource, bus);
  const events = new ApprovalEvents();
  const validator = new RecordingValidator(opts.validator ?? createLlmValidator({ mode: 'rules' }), dataSource);
  const knowledge = new Fts5KnowledgeStore(':memory:');
  let runner: IciciFuturesRunner | undefined;
  const { settle, orderUpdates } = buildStrangleRuntime({
    dataSource,
    clock,
    calendar,
    market,
    paper,
    accountId: account.id,
    handlers,
    bus,
    alerts,
    icici: (p) => (runner = new IciciFuturesRunner(dataSource, market, clock, calendar, validator, knowledge, p.orders, p.cancels, p.margins, p.alerts, p.bus, events, opts.runtime ?? {})),
  });
  const approvals = new ApprovalsService(dataSource, clock, new AuditService(dataSource.getRepository(AuditLogEntity)), runner!, events, ONE_PROCESS_APPROVALS);
  registerJobHandlersOf(handlers, new IciciJobHandlers(runner!, approvals));
  const person = await startApprovalsRestActor(approvals, ACTOR);
  for (const name of JOB_NAMES) if (!handlers.ownerOf(name)) handlers.register(name, async () => undefined, 'not under test');
  await queue.startProcessing();
  const ticker = new ScheduleTicker(queue, clock, calendar, 0);
  const failures: JobStatus[] = [];
  const violations: string[] = [];
  const unapprovedOrders: string[] = [];
  const orderRepo = dataSource.getRepository(Order);
  let seenOrders = 0;
  let decided = 0;
  const seenPending: string[] = [];
  const sync = async () => {
    await paper.matchNow();
    await settle.settleAccount(account.id, paper);
    await orderUpdates.settled();
  };

  try {
    for (let date = opts.from; date <= opts.to; date = addDays(date, 1)) {
      if (!calendar.isTradingDay(date)) continue;
      for (const time of sessionTimes('09:15', calendar.sessionFor(date)?.close ?? '15:30', opts.stepMinutes)) {
        clock.set(epochMsOfIst(date, time));
        const enqueued = (await ticker.tick()).filter((r) => !r.duplicate);
        if (queue instanceof InProcessJobQueue) await queue.onIdle();
        for (const { jobId } of enqueued) {
          const job = await finished(queue, jobId);
          if (job.state === 'failed') failures.push(job);
        }
        // Fills the jobs' orders pushed to the runner are handled before the step goes on.
        await orderUpdates.settled();
        // New ENTRY/AVERAGE orders journaled by the jobs alone (no person acted in between) are a violation.
        const fresh = await orderRepo.find({ where: { accountId: account.id }, order: { id: 'ASC' }, skip: seenOrders });
        for (const o of fresh) if (o.purpose === 'ENTRY' || o.purpose === 'AVERAGE') unapprovedOrders.push(`${date} ${time}: ${o.clientOrderId} ${o.purpose}`);
        seenOrders += fresh.length;
        await sync();
        for (const pending of await person.pending(account.id)) {
          decided++;
          seenPending.push(String(pending.id));
          if (opts.rejectEvery && decided % opts.rejectEvery === 0) await person.reject(pending.id, 'test actor declines this one');
          else await person.approve(pending.id);
        }
        seenOrders = await orderRepo.count({ where: { accountId: account.id } });
        await sync();
        const active = await dataSource.getRepository(Position).count({ where: { accountId: account.id, status: 'ACTIVE' } });
        if (active > 1) violations.push(`${date} ${time}: ${active} ACTIVE positions`);
      }
    }
    return {
      decisions: await dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } }),
      orders: await orderRepo.find({ order: { id: 'ASC' } }),
      positions: await dataSource.getRepository(Position).find({ order: { id: 'ASC' } }),
      approvals: await dataSource.getRepository(ApprovalRequestRow).find({ order: { id: 'ASC' } }),
      tokens: await dataSource.getRepository(ApprovalToken).find({ order: { id: 'ASC' } }),
      validations: await dataSource.getRepository(LlmValidation).find({ order: { id: 'ASC' } }),
      violations,
      unapprovedOrders,
      failures: failures.map((f) => `${f.id}: ${f.failedReason}`),
      seenPending,
      calendar,
      accountId: account.id,
    };
  } finally {
    await person.close();
    await queue.close();
    if (driver === 'bullmq') await deletePrefix(SHARED_REDIS_URL, prefix);
    await db.dispose();
  }
}
