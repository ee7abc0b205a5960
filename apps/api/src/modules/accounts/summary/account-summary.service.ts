import { Inject, Injectable } from '@nestjs/common';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { istDateTimeOf, KOTAK_STRANGLE_DEFAULTS, type Clock } from '@mcube/domain';
import { DataSource, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { ReadCache } from '../../../database/read-cache';
import { DailyPnl } from '../../analytics/entities/daily-pnl.entity';
import { periodPnlOf, periodStarts } from '../../analytics/daily-pnl/period-pnl';
import { MarketEventsBus } from '../../data/snapshots/market-events.bus';
import { AccountMarginService } from '../../orders/account-margin.service';
import { MonitorLog } from '../../positions/entities/monitor-log.entity';
import { Position } from '../../positions/entities/position.entity';
import { TradingStateService } from '../../risk/context/trading-state.service';
import { CircuitBreaker } from '../../risk/entities/circuit-breaker.entity';
import { RiskLimitsService } from '../../risk/risk-limits/risk-limits.service';
import { StrategyConfig } from '../../strategies/entities/strategy-config.entity';
import { BrokerAccount } from '../entities/broker-account.entity';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** How old a served summary may be (wall ms) when nothing was written in between: the cards are pushed every second anyway. */
export const SUMMARY_MAX_AGE_MS = 1_000;

const NO_LIMITS: AccountSummaryResponse['limits'] = { dailyLossLimitPaise: null, weeklyLossLimitPaise: null, monthlyProfitTargetPaise: null, weeklyProfitTargetPaise: null };

/**
 * The dashboard card of each account: capital, broker margin, P&L today/week/month (the same
 * sums the risk checks use), limits and targets, effective trading state with its causes, breaker, active
 * position and its net delta. Read-only except `publishAll`, which pushes `account.summary`.
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
    private readonly riskLimits: RiskLimitsService,
    private readonly states: TradingStateService,
    private readonly bus: MarketEventsBus,
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
    const accounts = await this.dataSource.getRepository(BrokerAccount).find({ order: { id: 'ASC' } });
    return Promise.all(accounts.map((a) => this.summaryOf(a)));
  }

  /** Builds every summary and pushes each as `account.summary`; returns them. */
  async publishAll(): Promise<AccountSummaryResponse[]> {
    const summaries = await this.read();
    this.cache.set(this.cacheKey(), summaries);
    for (const s of summaries) this.bus.publish('account.summary', s);
    return summaries;
  }

  private async summaryOf(account: BrokerAccount): Promise<AccountSummaryResponse> {
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const { weekStart, monthStart } = periodStarts(date);
    const from = weekStart < monthStart ? weekStart : monthStart;
    const [margin, limits, breaker, active, rows] = await Promise.all([
      this.margins.marginOf(account.id),
      this.limitsOf(account.id),
      this.openBreaker(account.id),
      this.dataSource.getRepository(Position).findOne({ where: { accountId: account.id, status: 'ACTIVE' } }),
      this.dataSource.getRepository(DailyPnl).find({ where: { accountId: account.id, tradeDate: MoreThanOrEqual(from) } }),
    ]);
    const openPnlPaise = active ? active.realizedPnlPaise + active.unrealizedPnlPaise : 0;
    return {
      accountId: account.id,
      broker: account.broker,
      name: account.name,
      isPaperTrading: account.isPaperTrading,
      isActive: account.isActive,
      ...this.states.fieldsOf(account, breaker !== null),
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
    try {
      const l = await this.riskLimits.get(accountId);
      return { dailyLossLimitPaise: l.dailyLossLimitPaise, weeklyLossLimitPaise: l.weeklyLossLimitPaise, monthlyProfitTargetPaise: l.monthlyProfitTargetPaise, weeklyProfitTargetPaise: l.weeklyProfitTargetPaise };
    } catch (e) {
      if (e instanceof AppException && e.code === 'NOT_FOUND') return NO_LIMITS;
      throw e;
    }
  }

  /** The most recent unreset trip of the account, or a system-wide one. */
  private openBreaker(accountId: number): Promise<CircuitBreaker | null> {
    return this.dataSource.getRepository(CircuitBreaker).findOne({ where: [{ accountId, resetAt: IsNull() }, { scope: 'SYSTEM', resetAt: IsNull() }], order: { trippedAt: 'DESC', id: 'DESC' } });
  }

  /** The position monitor's last computed net delta; null while it has computed none (no greeks). */
  private async netDeltaOf(positionId: number): Promise<number | null> {
    const log = await this.dataSource.getRepository(MonitorLog).findOne({ where: { positionId, netDelta: Not(IsNull()) }, order: { occurredAt: 'DESC', id: 'DESC' } });
    return log?.netDelta ?? null;
  }

  /** The account's active strategy's `deltaThreshold` parameter, else the plan's 300. */
  private async deltaThresholdOf(accountId: number): Promise<number> {
    const configs = await this.dataSource.getRepository(StrategyConfig).find({ where: { accountId, isActive: true }, order: { id: 'ASC' } });
    const value = configs.map((c) => c.parameters['deltaThreshold']).find((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
    return value ?? KOTAK_STRANGLE_DEFAULTS.deltaThreshold;
  }
}
