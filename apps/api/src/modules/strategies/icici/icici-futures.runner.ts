import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Clock, KnowledgeStore, LlmValidator, MarketDataPort, NseCalendar } from '@mcube/domain';
import {
  IciciFuturesStrategy,
  MarketDataFuturesSource,
  type ApprovalOutcome,
  type FuturesApprovalDecision,
  type FuturesApprovalRequest,
  type IciciFuturesConfig,
  type IciciFuturesDeps,
  type IciciFuturesSnapshot,
} from '@mcube/strategy-icici-futures';
import type { OrderUpdatedEvent } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { accountsWhere } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { learningMarketData } from '../../data/instruments/learning-market-data';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { MARKET_DATA, NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { KNOWLEDGE_STORE, LLM_VALIDATOR } from '../../llm/llm.tokens';
import { AccountMarginService } from '../../orders/account-margin.service';
import { CancelOrderService } from '../../orders/cancel-order.service';
import { LiveMarketData } from '../../orders/live/live-market-data.service';
import { intentIdOfClientOrderId } from '../../orders/client-order-id';
import { OrdersService } from '../../orders/order-gateway.service';
import { storedRiskLimitsOf } from '../../risk/risk-limits/stored-risk-limits';
import { ApprovalEvents } from '../approvals/approval-events';
import { DbApprovalRequests } from '../approvals/db-approval-requests';
import { StrategyConfig } from '../entities/strategy-config.entity';
import { DbStrategyStateStore } from '../runtime/db-strategy-state.store';
import { SerialLocks } from '../runtime/serial-lock';
import { StrategyAlertSink } from '../runtime/strategy-alert-sink';
import { OrderUpdateHandOver } from '../runtime/order-update-hand-over';
import { DbFuturesAccount } from './db-futures-account';
import { DbFuturesJournal } from './db-futures-journal';
import { GatewayFuturesOrders, ICICI_STRATEGY_TYPE } from './gateway-futures-orders';
import { iciciConfigOf } from './icici-config-of';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { AccountLeases } from '../../../roles/account-leases';

/**
 * Run-time settings laid over every account's configuration (timeouts at the market clock's
 * speed; tests). `StrategiesModule` gives none (`ICICI_PRODUCTION_RUNTIME`): each account's
 * stored configuration as it is; tests that build the runner pass their own.
 */
export const ICICI_RUNTIME_SETTINGS = Symbol('mcube:icici-runtime-settings');
export type IciciRuntimeSettings = Partial<IciciFuturesConfig>;
/** The production value of `ICICI_RUNTIME_SETTINGS`: nothing laid over the stored configurations. */
export const ICICI_PRODUCTION_RUNTIME: IciciRuntimeSettings = {};

interface Running {
  readonly strategy: IciciFuturesStrategy;
  readonly fingerprint: string;
}

/**
 * Runs one `IciciFuturesStrategy` per ICICI account whose stored LLM_VALIDATED_FUTURES
 * configuration is active: market = MARKET_DATA (the account's Breeze feed instead while it
 * trades LIVE, see `LiveMarketData`) through `MarketDataFuturesSource`, clock =
 * MARKET_CLOCK, orders through the gateway (`OrdersService.submit`; ENTRY and AVERAGE only with
 * an approval token minted by the approval queue), validator and knowledge store from the llm
 * module, approval requests to the `approval_requests` table, decisions to the journal. A
 * changed configuration rebuilds the strategy when it is idle. Calls on one account are
 * serialised, whichever job or request makes them. The working order (entry, averaging or exit
 * at the broker) and the day's marks (screen slots run, averaging requests and the overnight
 * alert raised) are stored in `strategy_runtime_states` before they are acted on and on every
 * change, and every (re)build reads them back, so a restarted process follows the order and
 * does not screen a slot or raise a request again (see `restoreState`).
 */
@Injectable()
export class IciciFuturesRunner {
  private readonly logger = new Logger('IciciFutures');
  private readonly running = new Map<number, Running>();
  private readonly locks = new SerialLocks();
  private readonly handOvers = new OrderUpdateHandOver(this.locks);
  /** Configuration versions reported invalid by this process (in memory on purpose: after a restart a still-invalid one is reported once more). */
  private readonly invalidReported = new Set<string>();
  /** Whether the strategies were built once in this process (an order update before any job builds them, to resume a stored order). */
  private built = false;
  private readonly marketData: MarketDataPort;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_DATA) marketData: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(LLM_VALIDATOR) private readonly validator: LlmValidator,
    @Inject(KNOWLEDGE_STORE) private readonly knowledge: KnowledgeStore,
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly margins: AccountMarginService,
    private readonly alerts: AlertsService,
    private readonly bus: AppEventsBus,
    private readonly approvalEvents: ApprovalEvents,
    @Inject(ICICI_RUNTIME_SETTINGS) private readonly runtime: IciciRuntimeSettings,
    /** The account's market: its Breeze feed while it trades LIVE (quotes, chains, history, sectors, master), else MARKET_DATA. */
    @Optional() private readonly liveMarkets?: LiveMarketData,
    /** Which accounts this process runs strategies for (absent in hand-built tests: all of them). */
    @Optional() private readonly leases?: AccountLeases,
  ) {
    this.marketData = marketData;
  }

  /**
   * The futures source of one account. It reads the instrument master each screen: the gateway
   * learns stock futures' lot sizes from it.
   */
  private marketOf(accountId: number): MarketDataFuturesSource {
    const market = this.liveMarkets?.forAccount(accountId, 'ICICI', this.marketData) ?? this.marketData;
    return new MarketDataFuturesSource(learningMarketData(market), this.calendar, this.clock);
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Calls `fn` with each enabled account's strategy, serialised per account; the first failure is rethrown after all ran. */
  async forEachStrategy(fn: (strategy: IciciFuturesStrategy, accountId: number) => Promise<unknown>): Promise<void> {
    let failure: unknown;
    for (const accountId of await this.refreshOnce()) {
      // Another process (the account's lease holder) runs this account's strategy.
      if (this.leases && !(await this.leases.owns(accountId))) continue;
      try {
        await this.locks.run(accountId, () => fn(this.strategyOf(accountId), accountId));
      } catch (error) {
        this.logger.warn(`ICICI futures of account ${accountId} failed: ${(error as Error).message}`);
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /** Runs `fn` on the strategy of `accountId`; NOT_FOUND when the account has no enabled, valid configuration. */
  async withStrategy<T>(accountId: number, fn: (strategy: IciciFuturesStrategy) => Promise<T>): Promise<T> {
    const enabled = await this.refreshOnce();
    if (!enabled.includes(accountId)) throw new AppException('NOT_FOUND', `account ${accountId} has no enabled ICICI futures configuration`);
    return this.locks.run(accountId, () => fn(this.strategyOf(accountId)));
  }

  /** Hands a person's decision on a stored request to the account's strategy (it journals, and sends an approved order through the gateway). */
  onApprovalDecision(accountId: number, request: FuturesApprovalRequest, decision: FuturesApprovalDecision): Promise<ApprovalOutcome> {
    return this.withStrategy(accountId, (s) => s.onApprovalDecision(request, decision, this.clock.nowMs()));
  }

  /**
   * An `order.updated` pushed by the events bus (`StrategyOrderUpdates`): when the account's
   * ICICI futures runs in this process (its lease holder), the update is handed to it in the account's
   * serial order, after whatever call is working (so an update published while the strategy is
   * still sending finds the order tracked). The strategy ignores orders it does not watch.
   * Returns whether it advanced (false too when a hand-over of that order is already waiting).
   * Rejects when the strategy does.
   */
  async onOrderUpdated(update: Pick<OrderUpdatedEvent, 'accountId' | 'clientOrderId'>): Promise<boolean> {
    const accountId = update.accountId;
    // A restarted process learns its stored working orders on the first build: an update may come before any job.
    if (!this.built) await this.refreshOnce();
    if (!this.running.has(accountId)) return false;
    if (this.leases && !(await this.leases.owns(accountId))) return false;
    const intentId = intentIdOfClientOrderId(update.clientOrderId);
    return this.handOvers.handOver(accountId, intentId, async () => {
      const running = this.running.get(accountId);
      return running ? running.strategy.onOrderUpdate(intentId, this.clock.nowMs()) : false;
    });
  }

  private strategyOf(accountId: number): IciciFuturesStrategy {
    const running = this.running.get(accountId);
    if (!running) throw new AppException('NOT_FOUND', `account ${accountId} has no running ICICI futures strategy`);
    return running.strategy;
  }

  private refreshOnce(): Promise<number[]> {
    return this.locks.run('refresh', () => this.refresh());
  }

  private async refresh(): Promise<number[]> {
    const configs = await this.dataSource.getRepository(StrategyConfig).find({ where: { strategyType: ICICI_STRATEGY_TYPE, isActive: true }, order: { accountId: 'ASC' } });
    const ids = configs.map((c) => c.accountId);
    const accounts = new Map((await accountsWhere(this.dataSource, { ids, broker: 'ICICI' })).map((a) => [a.id, a]));
    const limits = await storedRiskLimitsOf(this.dataSource, ids);
    const runnable: number[] = [];
    for (const stored of configs) {
      const account = accounts.get(stored.accountId);
      if (!account) continue;
      const limit = limits.get(account.id);
      const outcome = iciciConfigOf(
        stored.parameters,
        {
          accountId: account.id,
          allocatedCapitalPaise: account.allocatedCapitalPaise,
          perTradeRiskPaise: limit?.perTradeRiskPaise,
          maxPositionExposurePaise: limit?.maxPositionExposurePaise,
          maxTotalExposurePaise: limit?.maxTotalExposurePaise,
          maxLeverage: limit?.maxLeverage,
          firstTradeFraction: limit?.firstTradeFraction,
        },
        this.runtime,
      );
      if (!outcome.ok) {
        await this.reportInvalid(account.id, stored.version, outcome.errors.map((e) => `${e.field} ${e.message}`).join('; '));
        if (this.running.has(account.id)) runnable.push(account.id);
        continue;
      }
      const fingerprint = JSON.stringify(outcome.config);
      const current = this.running.get(account.id);
      if (!current || (current.fingerprint !== fingerprint && current.strategy.phase === 'IDLE')) {
        this.running.set(account.id, { strategy: await this.build(account.id, outcome.config), fingerprint });
        if (current) this.logger.log(`ICICI futures of account ${account.id} rebuilt with configuration version ${stored.version}`);
      }
      runnable.push(account.id);
    }
    for (const id of [...this.running.keys()]) if (!ids.includes(id)) this.running.delete(id);
    this.built = true;
    return runnable;
  }

  /** A strategy for the account with its stored working state read back (a restart resumes its order; a rebuild keeps its key count). */
  private async build(accountId: number, config: IciciFuturesConfig): Promise<IciciFuturesStrategy> {
    const state = new DbStrategyStateStore<IciciFuturesSnapshot>(this.dataSource, accountId, ICICI_STRATEGY_TYPE);
    const strategy = new IciciFuturesStrategy(this.deps(accountId, state), config);
    await this.restoreState(strategy, state, accountId);
    return strategy;
  }

  private async restoreState(strategy: IciciFuturesStrategy, state: DbStrategyStateStore<IciciFuturesSnapshot>, accountId: number): Promise<void> {
    const saved = await state.load();
    if (!saved) return;
    try {
      strategy.restore(saved);
      if (strategy.phase !== 'IDLE') this.logger.warn(`ICICI futures of account ${accountId} resumes its working order ${saved.working?.clientOrderId ?? ''} after a restart`);
    } catch (error) {
      this.logger.error(`ICICI futures state of account ${accountId} could not be restored: ${(error as Error).message}`);
      await this.alerts.raise({
        accountId,
        severity: 'CRITICAL',
        category: 'STRATEGY',
        title: 'ICICI futures working order not restored',
        message: `${(error as Error).message}. Check the account's orders and position by hand: an order may be working.`,
        dedupKey: `strategy:icici-state-restore:${accountId}:${this.clock.nowMs()}`,
        occurredAtMs: this.clock.nowMs(),
      });
    }
  }

  private deps(accountId: number, state: DbStrategyStateStore<IciciFuturesSnapshot>): IciciFuturesDeps {
    return {
      market: this.marketOf(accountId),
      account: new DbFuturesAccount(this.dataSource, this.margins),
      orders: new GatewayFuturesOrders(this.orders, this.cancels, accountId),
      validator: this.validator,
      knowledge: this.knowledge,
      approvals: new DbApprovalRequests(this.dataSource, this.approvalEvents, ICICI_STRATEGY_TYPE),
      journal: new DbFuturesJournal(this.dataSource, this.bus),
      alerts: new StrategyAlertSink(this.alerts),
      clock: this.clock,
      calendar: this.calendar,
      state,
    };
  }

  private async reportInvalid(accountId: number, version: number, problems: string): Promise<void> {
    const key = `${accountId}:${version}`;
    if (this.invalidReported.has(key)) return;
    this.invalidReported.add(key);
    this.logger.error(`ICICI futures configuration of account ${accountId} (version ${version}) is invalid: ${problems}`);
    await this.alerts.raise({ accountId, severity: 'CRITICAL', category: 'STRATEGY', title: 'ICICI futures configuration invalid: strategy not (re)built', message: `Version ${version}: ${problems}`, dedupKey: `strategy:icici-config-invalid:${key}`, occurredAtMs: this.clock.nowMs() });
  }
}
