import { Inject, Injectable, Logger } from '@nestjs/common';
import { effectiveRiskLimits, istDateTimeOf, type Clock } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { DAILY_PNL_READER, type DailyPnlHistory } from '../../analytics/daily-pnl/daily-pnl-history';
import { RISK_POSITIONS, type RiskPositions } from '../ports/risk-positions.port';
import { riskPnlFacts } from '../context/risk-pnl-facts';
import { RiskLimit } from '../entities/risk-limit.entity';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** Share of a loss limit at which a WARNING is raised (the breaker trips past 100%). */
export const LOSS_LIMIT_WARNING_FRACTION = 0.8;

/** One limit found at or above the warning share. */
export interface LossLimitWarning {
  readonly accountId: number;
  readonly limit: 'DAILY' | 'WEEKLY';
  readonly lossPaise: number;
  readonly limitPaise: number;
  /** False when today's alert for this limit already exists. */
  readonly raised: boolean;
}

/**
 * The `risk.limits` job (every minute in session): for every active account, today's and
 * this week's loss (stored daily P&L plus the active position, as the risk checks count it)
 * against its daily and weekly loss limits; at ≥ 80% of a limit one WARNING alert per
 * account, limit and IST day (the alert's dedup key). Reaching the limit is the breaker's.
 */
@Injectable()
export class LossLimitWatchService {
  private readonly logger = new Logger('LossLimitWatch');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly alerts: AlertsService,
    @Inject(RISK_POSITIONS) private readonly positions: RiskPositions,
    @Inject(DAILY_PNL_READER) private readonly dailyPnl: DailyPnlHistory,
  ) {}

  /** Checks every active account now (the `risk.limits` job); one account's failure is logged, the others still run. */
  @HandlesJob('risk.limits')
  async checkAll(): Promise<LossLimitWarning[]> {
    const accounts = await accountsWhere(this.dataSource, { isActive: true });
    const out: LossLimitWarning[] = [];
    for (const account of accounts) {
      try {
        out.push(...(await this.check(account)));
      } catch (error) {
        this.logger.error(`loss limits of account ${account.id} not checked: ${(error as Error).message}`);
      }
    }
    return out;
  }

  private async check(account: AccountFacts): Promise<LossLimitWarning[]> {
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const [limit, rows, position] = await Promise.all([
      this.dataSource.getRepository(RiskLimit).findOne({ where: { accountId: account.id } }),
      this.dailyPnl.daysOf(account.id),
      this.positions.activeOf(account.id),
    ]);
    const pnl = riskPnlFacts({ date, rows, allocatedCapitalPaise: account.allocatedCapitalPaise, activePosition: position });
    // The limits the breaker trips on (the domain's one resolution of stored row and defaults).
    const loss = effectiveRiskLimits({ row: limit, broker: account.broker }).loss;
    const limits = [
      { limit: 'DAILY' as const, lossPaise: -pnl.todayPaise, limitPaise: loss.dailyLossLimitPaise },
      { limit: 'WEEKLY' as const, lossPaise: -pnl.weekPaise, limitPaise: loss.weeklyLossLimitPaise },
    ];
    const out: LossLimitWarning[] = [];
    for (const l of limits) {
      if (l.limitPaise <= 0 || l.lossPaise < l.limitPaise * LOSS_LIMIT_WARNING_FRACTION) continue;
      const pct = Math.floor((l.lossPaise * 100) / l.limitPaise);
      const alert = await this.alerts.raise({
        accountId: account.id,
        severity: 'WARNING',
        category: 'RISK',
        title: `${l.limit === 'DAILY' ? 'Daily' : 'Weekly'} loss at ${pct}% of the limit on account ${account.accountNumber}`,
        message: `Loss ${l.lossPaise} paise against a ${l.limit.toLowerCase()} limit of ${l.limitPaise} paise: the circuit breaker trips past the limit.`,
        context: { limit: l.limit, lossPaise: l.lossPaise, limitPaise: l.limitPaise, date },
        dedupKey: `loss-limit:${account.id}:${l.limit}:${date}`,
        occurredAtMs: nowMs,
      });
      out.push({ accountId: account.id, limit: l.limit, lossPaise: l.lossPaise, limitPaise: l.limitPaise, raised: alert !== null });
    }
    return out;
  }
}
