import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { addDays, epochMsOfIst, istDateTimeOf, type Clock, type ExpirySource, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { KotakStrangleStrategy, type KotakStrangleDeps } from '@mcube/strategy-kotak-strangle';
import type { OrderUpdatedEvent } from '@mcube/contracts';
import { Between, DataSource, In } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { accountsWhere } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { EconomicEventsService } from '../../data/events/economic-events.service';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { EXPIRY_SOURCE, MARKET_DATA, NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { AccountMarginService } from '../../orders/account-margin.service';
import { CancelOrderService } from '../../orders/cancel-order.service';
import { LiveMarketData } from '../../orders/live/live-market-data.service';
import { intentIdOfClientOrderId } from '../../orders/client-order-id';
import { OrdersService } from '../../orders/order-gateway.service';
import { storedRiskLimitsOf } from '../../risk/risk-limits/stored-risk-limits';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { StrategyConfig } from '../entities/strategy-config.entity';
import { DbDecisionJournal } from './db-decision-journal';
import { DbStrategyStateStore } from './db-strategy-state.store';
import { DbPositionView } from './db-position-view';
import { GatewayStrategyOrders } from './gateway-strategy-orders';
import { OrderUpdateHandOver } from './order-update-hand-over';
import { SerialLocks } from './serial-lock';
import { StrategyAlertSink } from './strategy-alert-sink';
import { StoredEventsMarketData } from './stored-events.market-data';
import { StrategyPositionIds } from './strategy-position-ids';
import { STRANGLE_RUNTIME_SETTINGS, type StrangleRuntimeSettings } from './strategy-runtime.tokens';
import { strangleConfigOf } from './strangle-config-of';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { AccountLeases } from '../../../roles/account-leases';

/** One account's running strategy and the configuration fingerprint it was built from. */
interface Running {
  readonly strategy: KotakStrangleStrategy;
  readonly fingerprint: string;
}

/** Decisions that mean "the day's entry evaluation happened" (see `seedEntryDay`). */
const MORNING_DECISIONS = ['ENTER', 'SKIPPED', 'MONITOR_ONLY'];

/**
 * Runs one `KotakStrangleStrategy` per Kotak account whose stored WEEKLY_NIFTY_STRANGLE
 * configuration is active, wired to the API: market = MARKET_DATA (the account's Kotak quotes
 * instead while it trades LIVE, see `LiveMarketData`) with the STORED events
 * calendar, clock = MARKET_CLOCK, calendar = NSE_CALENDAR, orders through the gateway, positions
 * from the positions tables, decisions to the journal table, alerts to the alerts module, its
 * working entry to `strategy_runtime_states` (restored when the strategy is built, so a restart
 * resumes an entry in progress; a close in progress is resumed from the exit stored on the
 * position). Each call re-reads the stored
 * configurations: a changed one rebuilds its strategy once the strategy is idle (never in the
 * middle of an entry or a close); a disabled one stops being driven (its working orders stay
 * with the gateway); a paused one (`entriesPaused`) makes no new entry but still monitors and
 * exits. Calls on one account are serialised, whichever job makes them.
 */
@Injectable()
export class KotakStrangleRunner {
  private readonly logger = new Logger('KotakStrangle');
  private readonly running = new Map<number, Running>();
  private readonly locks = new SerialLocks();
  private readonly handOvers = new OrderUpdateHandOver(this.locks);
  private readonly positionIds: StrategyPositionIds;
  private readonly invalidReported = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly margins: AccountMarginService,
    private readonly alerts: AlertsService,
    private readonly bus: AppEventsBus,
    private readonly events: EconomicEventsService,
    @Inject(STRANGLE_RUNTIME_SETTINGS) private readonly runtime: StrangleRuntimeSettings,
    /** New entries' expiries: a stored broker master's when one lists NIFTY, else the calendar's rules (the strategy's default). */
    @Optional() @Inject(EXPIRY_SOURCE) private readonly expiries?: ExpirySource,
    /** The account's market: its Kotak feed while it trades LIVE (spot, VIX, chain, master), else MARKET_DATA. */
    @Optional() private readonly liveMarkets?: LiveMarketData,
    /** Which accounts this process runs strategies for (absent in hand-built tests: all of them). */
    @Optional() private readonly leases?: AccountLeases,
  ) {
    this.positionIds = new StrategyPositionIds(dataSource);
  }

  /** Now on the market clock (what every strategy call is given). */
  nowMs(): number {
    return this.clock.nowMs();
  }

  /**
   * Calls `fn` with each enabled account's strategy, one account after another, serialised with
   * any other call on that account. A failing account is logged and the others still run; the
   * first failure is rethrown at the end (so the job is retried).
   */
  async forEachStrategy(fn: (strategy: KotakStrangleStrategy, accountId: number) => Promise<unknown>): Promise<void> {
    let failure: unknown;
    for (const accountId of await this.refreshOnce()) {
      // Another process (the account's lease holder) runs this account's strategy.
      if (this.leases && !(await this.leases.owns(accountId))) continue;
      try {
        await this.locks.run(accountId, () => fn(this.strategyOf(accountId), accountId));
      } catch (error) {
        this.logger.warn(`strangle of account ${accountId} failed: ${(error as Error).message}`);
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /** Runs `fn` on the strategy of `accountId`; NOT_FOUND when the account has no enabled, valid strangle configuration. */
  async withStrategy<T>(accountId: number, fn: (strategy: KotakStrangleStrategy) => Promise<T>): Promise<T> {
    const enabled = await this.refreshOnce();
    if (!enabled.includes(accountId)) throw new AppException('NOT_FOUND', `account ${accountId} has no enabled Kotak strangle configuration`);
    return this.locks.run(accountId, () => fn(this.strategyOf(accountId)));
  }

  /**
   * An `order.updated` pushed by the events bus (`StrategyOrderUpdates`): when the account's
   * strangle runs in this process (its lease holder), the update is handed to it in the account's
   * serial order, after whatever call is working (so an update published while the strategy is
   * still sending finds the order tracked). The strategy ignores orders it does not watch.
   * Returns whether it advanced (false too when a hand-over of that order is already waiting).
   * Rejects when the strategy does.
   */
  async onOrderUpdated(update: Pick<OrderUpdatedEvent, 'accountId' | 'clientOrderId'>): Promise<boolean> {
    const accountId = update.accountId;
    if (!this.running.has(accountId)) return false;
    if (this.leases && !(await this.leases.owns(accountId))) return false;
    const intentId = intentIdOfClientOrderId(update.clientOrderId);
    return this.handOvers.handOver(accountId, intentId, async () => {
      const running = this.running.get(accountId);
      return running ? running.strategy.onOrderUpdate(intentId, this.clock.nowMs()) : false;
    });
  }

  private strategyOf(accountId: number): KotakStrangleStrategy {
    const running = this.running.get(accountId);
    if (!running) throw new AppException('NOT_FOUND', `account ${accountId} has no running Kotak strangle`);
    return running.strategy;
  }

  /**
   * `refresh`, one call at a time: two jobs arriving together (the 10:00 entry job and the
   * monitor) must not each build a strategy for one account, or one would drive an orphan.
   */
  private refreshOnce(): Promise<number[]> {
    return this.locks.run('refresh', () => this.refresh());
  }

  /** Builds, rebuilds (when idle) or drops strategies to match the stored configurations; returns the runnable account ids. */
  private async refresh(): Promise<number[]> {
    const configs = await this.dataSource.getRepository(StrategyConfig).find({ where: { strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true }, order: { accountId: 'ASC' } });
    const ids = configs.map((c) => c.accountId);
    const accounts = new Map((await accountsWhere(this.dataSource, { ids, broker: 'KOTAK' })).map((a) => [a.id, a]));
    const limits = await storedRiskLimitsOf(this.dataSource, ids);
    const runnable: number[] = [];
    for (const stored of configs) {
      const account = accounts.get(stored.accountId);
      if (!account) continue;
      const limit = limits.get(account.id);
      const outcome = strangleConfigOf(stored.parameters, { accountId: account.id, allocatedCapitalPaise: account.allocatedCapitalPaise, maxMarginUsage: limit?.maxMarginUsagePct, firstTradeFraction: limit?.firstTradeFraction }, this.runtime);
      if (!outcome.ok) {
        await this.reportInvalid(account.id, stored.version, outcome.errors.map((e) => `${e.field} ${e.message}`).join('; '));
        if (this.running.has(account.id)) runnable.push(account.id);
        continue;
      }
      const fingerprint = JSON.stringify(outcome.config);
      const current = this.running.get(account.id);
      current?.strategy.setEntriesPaused(stored.entriesPaused);
      if (!current) {
        const built = await this.build(outcome.config);
        built.setEntriesPaused(stored.entriesPaused);
        this.running.set(account.id, { strategy: built, fingerprint });
      } else if (current.fingerprint !== fingerprint && current.strategy.phase === 'IDLE') {
        const next = await this.build(outcome.config);
        if (current.strategy.entryEvaluatedOn) next.markEntryEvaluated(current.strategy.entryEvaluatedOn);
        next.setEntriesPaused(stored.entriesPaused);
        this.running.set(account.id, { strategy: next, fingerprint });
        this.logger.log(`strangle of account ${account.id} rebuilt with configuration version ${stored.version}`);
      }
      runnable.push(account.id);
    }
    for (const id of [...this.running.keys()]) if (!ids.includes(id)) this.running.delete(id);
    return runnable;
  }

  private async build(config: KotakStrangleStrategy['config']): Promise<KotakStrangleStrategy> {
    const accountId = Number(config.accountId);
    const state = new DbStrategyStateStore(this.dataSource, accountId);
    const deps: KotakStrangleDeps = {
      market: new StoredEventsMarketData(this.liveMarkets?.forAccount(accountId, 'KOTAK', this.market) ?? this.market, (range) => this.events.list(range)),
      orders: new GatewayStrategyOrders(this.dataSource, this.orders, this.cancels, this.positionIds, this.clock, accountId),
      positions: new DbPositionView(this.dataSource, this.margins),
      journal: new DbDecisionJournal(this.dataSource, this.bus, this.positionIds),
      alerts: new StrategyAlertSink(this.alerts),
      clock: this.clock,
      calendar: this.calendar,
      expiries: this.expiries,
      state,
    };
    const strategy = new KotakStrangleStrategy(deps, config);
    await this.restoreState(strategy, state, accountId);
    await this.seedEntryDay(strategy, accountId);
    return strategy;
  }

  /** Resumes what the strategy was doing before this process started (an entry in progress, the day's evaluation). */
  private async restoreState(strategy: KotakStrangleStrategy, state: DbStrategyStateStore, accountId: number): Promise<void> {
    const saved = await state.load();
    if (!saved) return;
    try {
      strategy.restore(saved);
      if (strategy.phase !== 'IDLE') this.logger.warn(`strangle of account ${accountId} resumes ${strategy.phase} after a restart`);
    } catch (error) {
      this.logger.error(`strangle state of account ${accountId} could not be restored: ${(error as Error).message}`);
      await this.alerts.raise({
        accountId,
        severity: 'CRITICAL',
        category: 'STRATEGY',
        title: 'Strangle working state not restored',
        message: `${(error as Error).message}. Check the account's orders and position by hand: an entry may have been in progress.`,
        dedupKey: `strategy:state-restore:${accountId}:${this.clock.nowMs()}`,
        occurredAtMs: this.clock.nowMs(),
      });
    }
  }

  /** A strategy built after today's morning evaluation (a restart, a rebuild) must not evaluate the day again. */
  private async seedEntryDay(strategy: KotakStrangleStrategy, accountId: number): Promise<void> {
    const { date } = istDateTimeOf(this.clock.nowMs());
    const from = new Date(epochMsOfIst(date, '00:00'));
    const to = new Date(epochMsOfIst(addDays(date, 1), '00:00') - 1);
    const done = await this.dataSource.getRepository(DecisionJournalEntry).exists({ where: { accountId, strategyType: 'WEEKLY_NIFTY_STRANGLE', decision: In(MORNING_DECISIONS), occurredAt: Between(from, to) } });
    if (done) strategy.markEntryEvaluated(date);
  }

  /** An invalid stored configuration keeps the previous strategy (or none) and raises one alert per version. */
  private async reportInvalid(accountId: number, version: number, problems: string): Promise<void> {
    const key = `${accountId}:${version}`;
    if (this.invalidReported.has(key)) return;
    this.invalidReported.add(key);
    this.logger.error(`strangle configuration of account ${accountId} (version ${version}) is invalid: ${problems}`);
    await this.alerts.raise({
      accountId,
      severity: 'CRITICAL',
      category: 'STRATEGY',
      title: 'Strangle configuration invalid: strategy not (re)built',
      message: `Version ${version}: ${problems}`,
      dedupKey: `strategy:config-invalid:${key}`,
      occurredAtMs: this.clock.nowMs(),
    });
  }
}
