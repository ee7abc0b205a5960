import { Injectable } from '@nestjs/common';
import { analyticsReport } from '@mcube/domain';
import type { AnalyticsReport } from '@mcube/contracts';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { BrokerAccount } from '../../accounts/entities/broker-account.entity';
import { RiskLimit } from '../../risk/entities/risk-limit.entity';
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
  ) {}

  async report(q: TradeQuery): Promise<AnalyticsReport> {
    this.checkPeriod(q);
    const accounts = await this.accountsOf(q.accountId ?? null);
    const limits = await this.dataSource.getRepository(RiskLimit).find({ where: { accountId: In(accounts.map((a) => a.id)) } });
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

  private async accountsOf(accountId: number | null): Promise<BrokerAccount[]> {
    const repo = this.dataSource.getRepository(BrokerAccount);
    if (accountId === null) return repo.find({ order: { id: 'ASC' } });
    const one = await repo.findOne({ where: { id: accountId } });
    if (!one) throw new AppException('NOT_FOUND', `No account ${accountId}`);
    return [one];
  }
}
