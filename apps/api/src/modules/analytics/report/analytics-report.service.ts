import { Inject, Injectable } from '@nestjs/common';
import { analyticsReport } from '@mcube/domain';
import type { AnalyticsReport } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { accountById, accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { ANALYTICS_RISK, type AnalyticsRisk } from '../ports/analytics-risk.port';
import { ClosedTradesService, type TradeQuery } from '../trades/closed-trades.service';
import { tradesCsv } from '../trades/trades-csv';

/**
 * The analytics report of a period (domain `analyticsReport`): the accounts' allocated capital
 * starts the equity curves; the targets are their stored weekly and monthly profit targets, summed.
 */
@Injectable()
export class AnalyticsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trades: ClosedTradesService,
    @Inject(ANALYTICS_RISK) private readonly risk: AnalyticsRisk,
  ) {}

  async report(q: TradeQuery): Promise<AnalyticsReport> {
    this.checkPeriod(q);
    const accounts = await this.accountsOf(q.accountId ?? null);
    const limits = [...(await this.risk.limitsOf(accounts.map((a) => a.id))).values()];
    const sumOf = (k: 'weeklyProfitTargetPaise' | 'monthlyProfitTargetPaise') => (limits.length === 0 ? null : limits.reduce((s, l) => s + l[k], 0));
    return analyticsReport({
      trades: await this.trades.list(q),
      from: q.from ?? null,
      to: q.to ?? null,
      capitalByAccount: Object.fromEntries(accounts.map((a) => [String(a.id), a.allocatedCapitalPaise])),
      targets: { weeklyPaise: sumOf('weeklyProfitTargetPaise'), monthlyPaise: sumOf('monthlyProfitTargetPaise') },
    });
  }

  async csv(q: TradeQuery): Promise<string> {
    this.checkPeriod(q);
    await this.accountsOf(q.accountId ?? null);
    return tradesCsv(await this.trades.list(q));
  }

  private checkPeriod(q: TradeQuery): void {
    if (q.from && q.to && q.from > q.to) throw new AppException('VALIDATION_FAILED', ['from must not be after to']);
  }

  private async accountsOf(accountId: number | null): Promise<AccountFacts[]> {
    if (accountId === null) return accountsWhere(this.dataSource);
    const one = await accountById(this.dataSource, accountId);
    if (!one) throw new AppException('NOT_FOUND', `No account ${accountId}`);
    return [one];
  }
}
