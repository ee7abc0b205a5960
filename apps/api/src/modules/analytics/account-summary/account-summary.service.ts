import { Inject, Injectable } from '@nestjs/common';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { istDateTimeOf, KOTAK_STRANGLE_DEFAULTS, type Clock } from '@mcube/domain';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { yieldToEventLoop } from '../../../common/concurrency/yield-to-event-loop';
import { ReadCache } from '../../../database/read-cache';
import { accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { AccountMarginService } from '../../orders/account-margin.service';
import { activePositionOf, latestNetDeltaOf } from '../../positions/position-reads';
import { StrategyParametersService } from '../../strategies/parameters/strategy-parameters.service';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { periodPnlOf, periodStarts } from '../daily-pnl/period-pnl';
import { DailyPnl } from '../entities/daily-pnl.entity';
import { ANALYTICS_RISK, type AnalyticsRisk, type OpenBreaker } from '../ports/analytics-risk.port';

/** How old a served summary may be (wall ms) when nothing was written in between: the cards are pushed every second anyway. */
export const SUMMARY_MAX_AGE_MS = 1_000;

const NO_LIMITS: AccountSummaryResponse['limits'] = { dailyLossLimitPaise: null, weeklyLossLimitPaise: null, monthlyProfitTargetPaise: null, weeklyProfitTargetPaise: null };

/**
 * The dashboard card of each account: capital, broker margin, P&L today/week/month (the same
 * sums the risk checks use), limits and targets, effective trading state with its causes, breaker, active
 * position and its net delta. Read-only except `publishAll`, which pushes `account.summary`.
 * It lives in analytics, above the modules it reads (accounts, orders, positions, risk,
 * strategies), so that none of them has to import it back (issue 13).
 */
@Injectable()
export class AccountSummaryService {
  /** About 6 queries per account: served from memory until a write (or a second) makes them stale (issue 21). */
  private readonly cache: ReadCache<AccountSummaryResponse[]>;

  constructor(
    private readonly dataSource: DataSource,
    /** The market's clock, which stamps orders and positions: "today" is the market's day. */
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly margins: AccountMarginService,
    @Inject(ANALYTICS_RISK) private readonly risk: AnalyticsRisk,
    private readonly bus: AppEventsBus,
    /** The strategies module's stored parameters (it owns `strategy_configs`). */
    private readonly parameters: StrategyParametersService,
  ) {
    this.cache = new ReadCache(dataSource, SUMMARY_MAX_AGE_MS);
  }

  /** Every account, in id order (as of at most a second ago, with no write since, in the same market minute). */
  list(): Promise<AccountSummaryResponse[]> {
    return this.cache.get(this.cacheKey(), () => this.read());
  }

  /** P&L periods follow the market's day: a summary is never served across a market minute. */
  private cacheKey(): string {
    const { date, time } = istDateTimeOf(this.clock.nowMs());
    return `${date} ${time.slice(0, 5)}`;
  }

  private async read(): Promise<AccountSummaryResponse[]> {
    const accounts = await accountsWhere(this.dataSource);
    // One account at a time, yielding to the event loop between them: the queries are
    // synchronous, and all accounts in one task stalled every request for its length (issue 21).
    const summaries: AccountSummaryResponse[] = [];
    for (const account of accounts) {
      await yieldToEventLoop();
      summaries.push(await this.summaryOf(account));
    }
    return summaries;
  }

  /** Builds every summary and pushes each as `account.summary`; returns them. */
  async publishAll(): Promise<AccountSummaryResponse[]> {
    const summaries = await this.read();
    this.cache.set(this.cacheKey(), summaries);
    for (const s of summaries) this.bus.publish('account.summary', s);
    return summaries;
  }

  private async summaryOf(account: AccountFacts): Promise<AccountSummaryResponse> {
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const { weekStart, monthStart } = periodStarts(date);
    const from = weekStart < monthStart ? weekStart : monthStart;
    const [margin, limits, breaker, active, rows] = await Promise.all([
      this.margins.marginOf(account.id),
      this.limitsOf(account.id),
      this.openBreaker(account.id),
      activePositionOf(this.dataSource, account.id),
      this.dataSource.getRepository(DailyPnl).find({ where: { accountId: account.id, tradeDate: MoreThanOrEqual(from) } }),
    ]);
    const openPnlPaise = active ? active.realizedPnlPaise + active.unrealizedPnlPaise : 0;
    return {
      accountId: account.id,
      broker: account.broker,
      name: account.name,
      isPaperTrading: account.isPaperTrading,
      isActive: account.isActive,
      ...this.risk.tradingStateOf(account, breaker !== null),
      allocatedCapitalPaise: account.allocatedCapitalPaise,
      margin: margin ? { availablePaise: margin.availablePaise, usedPaise: margin.usedPaise, asOfMs: margin.asOfMs } : null,
      pnl: periodPnlOf({ date, rows, openPnlPaise }),
      limits,
      breaker: breaker ? { tripped: true, reason: breaker.reason, trippedAtMs: breaker.trippedAt.getTime() } : { tripped: false, reason: null, trippedAtMs: null },
      activePositionId: active?.id ?? null,
      netDelta: active ? await this.netDeltaOf(active.id) : null,
      deltaThreshold: await this.deltaThresholdOf(account.id),
      asOfMs: nowMs,
    };
  }

  private async limitsOf(accountId: number): Promise<AccountSummaryResponse['limits']> {
    const l = (await this.risk.limitsOf([accountId])).get(accountId);
    if (!l) return NO_LIMITS;
    return { dailyLossLimitPaise: l.dailyLossLimitPaise, weeklyLossLimitPaise: l.weeklyLossLimitPaise, monthlyProfitTargetPaise: l.monthlyProfitTargetPaise, weeklyProfitTargetPaise: l.weeklyProfitTargetPaise };
  }

  /** The most recent unreset trip of the account, or a system-wide one. */
  private openBreaker(accountId: number): Promise<OpenBreaker | null> {
    return this.risk.openBreakerOf(accountId);
  }

  /** The position monitor's last computed net delta; null while it has computed none (no greeks). */
  private netDeltaOf(positionId: number): Promise<number | null> {
    return latestNetDeltaOf(this.dataSource, positionId);
  }

  /** The account's active strategy's `deltaThreshold` parameter, else the plan's 300. */
  private async deltaThresholdOf(accountId: number): Promise<number> {
    const configs = await this.parameters.activeOf(accountId);
    const value = configs.map((c) => c.parameters['deltaThreshold']).find((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
    return value ?? KOTAK_STRANGLE_DEFAULTS.deltaThreshold;
  }
}
