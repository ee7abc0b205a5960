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
} from '@mcube/strategy-icici-futures';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { BrokerAccount } from '../../accounts/entities/broker-account.entity';
import { AlertsService } from '../../alerts/alerts.service';
import { learningMarketData } from '../../data/instruments/learning-market-data';
import { MarketEventsBus } from '../../data/snapshots/market-events.bus';
import { MARKET_DATA, NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { KNOWLEDGE_STORE, LLM_VALIDATOR } from '../../llm/llm.tokens';
import { AccountMarginService } from '../../orders/account-margin.service';
import { CancelOrderService } from '../../orders/cancel-order.service';
import { LiveMarketData } from '../../orders/live/live-market-data.service';
import { OrdersService } from '../../orders/order-gateway.service';
import { RiskLimit } from '../../risk/entities/risk-limit.entity';
import { ApprovalEvents } from '../approvals/approval-events';
import { DbApprovalRequests } from '../approvals/db-approval-requests';
import { StrategyConfig } from '../entities/strategy-config.entity';
import { SerialLocks } from '../runtime/serial-lock';
import { StrategyAlertSink } from '../runtime/strategy-alert-sink';
import { DbFuturesAccount } from './db-futures-account';
import { DbFuturesJournal } from './db-futures-journal';
import { GatewayFuturesOrders, ICICI_STRATEGY_TYPE } from './gateway-futures-orders';
import { iciciConfigOf } from './icici-config-of';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { AccountLeases } from '../../../roles/account-leases';

/** Run-time settings laid over every account's configuration (timeouts at the market clock's speed; tests). */
export const ICICI_RUNTIME_SETTINGS = Symbol('mcube:icici-runtime-settings');
export type IciciRuntimeSettings = Partial<IciciFuturesConfig>;

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
 * serialised, whichever job or request makes them.
 */
@Injectable()
export class IciciFuturesRunner {
  private readonly logger = new Logger('IciciFutures');
  private readonly running = new Map<number, Running>();
  private readonly locks = new SerialLocks();
  private readonly invalidReported = new Set<string>();
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
    private readonly bus: MarketEventsBus,
    private readonly approvalEvents: ApprovalEvents,
    @Optional() @Inject(ICICI_RUNTIME_SETTINGS) private readonly runtime: IciciRuntimeSettings = {},
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
    const accounts = new Map((await this.dataSource.getRepository(BrokerAccount).find({ where: { id: In(ids), broker: 'ICICI' } })).map((a) => [a.id, a]));
    const limits = new Map((await this.dataSource.getRepository(RiskLimit).find({ where: { accountId: In(ids) } })).map((l) => [l.accountId, l]));
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
        this.running.set(account.id, { strategy: new IciciFuturesStrategy(this.deps(account.id), outcome.config), fingerprint });
        if (current) this.logger.log(`ICICI futures of account ${account.id} rebuilt with configuration version ${stored.version}`);
      }
      runnable.push(account.id);
    }
    for (const id of [...this.running.keys()]) if (!ids.includes(id)) this.running.delete(id);
    return runnable;
  }

  private deps(accountId: number): IciciFuturesDeps {
    return {
      market: this.marketOf(accountId),
      account: new DbFuturesAccount(this.dataSource, this.margins),
      orders: new GatewayFuturesOrders(this.orders, this.cancels),
      validator: this.validator,
      knowledge: this.knowledge,
      approvals: new DbApprovalRequests(this.dataSource, this.approvalEvents, ICICI_STRATEGY_TYPE),
      journal: new DbFuturesJournal(this.dataSource, this.bus),
      alerts: new StrategyAlertSink(this.alerts),
      clock: this.clock,
      calendar: this.calendar,
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
