import { Injectable } from '@nestjs/common';
import type { TradingStateFields } from '@mcube/contracts';
import { DataSource, In, IsNull } from 'typeorm';
import { type AccountFacts } from '../../accounts/account-reads';
import type { AnalyticsRisk, OpenBreaker, RiskTargets } from '../../analytics/ports/analytics-risk.port';
import { TradingStateService } from '../context/trading-state.service';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { RiskLimit } from '../entities/risk-limit.entity';

/** Reads of the risk tables for the analytics module: its `AnalyticsRisk` port. */
@Injectable()
export class AnalyticsRiskFacts implements AnalyticsRisk {
  constructor(
    private readonly dataSource: DataSource,
    private readonly states: TradingStateService,
  ) {}

  async limitsOf(accountIds: readonly number[]): Promise<Map<number, RiskTargets>> {
    if (accountIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(RiskLimit).find({ where: { accountId: In([...accountIds]) } });
    return new Map(
      rows.map((r) => [r.accountId, { dailyLossLimitPaise: r.dailyLossLimitPaise, weeklyLossLimitPaise: r.weeklyLossLimitPaise, weeklyProfitTargetPaise: r.weeklyProfitTargetPaise, monthlyProfitTargetPaise: r.monthlyProfitTargetPaise }]),
    );
  }

  openBreakerOf(accountId: number): Promise<OpenBreaker | null> {
    return this.dataSource.getRepository(CircuitBreaker).findOne({ where: [{ accountId, resetAt: IsNull() }, { scope: 'SYSTEM', resetAt: IsNull() }], order: { trippedAt: 'DESC', id: 'DESC' } });
  }

  tradingStateOf(account: AccountFacts, breakerTripped: boolean): TradingStateFields {
    return this.states.fieldsOf(account, breakerTripped);
  }
}
