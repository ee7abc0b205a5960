import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TradingStateFields } from '@mcube/contracts';
import type { BrokerAccount } from '../../accounts/entities/broker-account.entity';
import { ANALYTICS_RISK, analyticsRiskProvider, RISK_FACTS, type AnalyticsRisk, type OpenBreaker, type RiskTargets } from './analytics-risk.port';

const HALTED: TradingStateFields = { tradingState: 'HALTED', tradingStateCauses: ['BREAKER_TRIPPED'], killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null } };
const LIMITS: RiskTargets = { dailyLossLimitPaise: 500_000, weeklyLossLimitPaise: null, weeklyProfitTargetPaise: 1_000_000, monthlyProfitTargetPaise: 4_000_000 };
const TRIP: OpenBreaker = { reason: 'daily loss', trippedAt: new Date(Date.UTC(2026, 7, 3, 5, 0)) };

/** Answers for account 7 only and counts its calls: the late-bound port must reach this instance, found in another module. */
class CountingRisk implements AnalyticsRisk {
  calls = 0;
  async limitsOf(accountIds: readonly number[]): Promise<Map<number, RiskTargets>> {
    this.calls += 1;
    return new Map(accountIds.filter((id) => id === 7).map((id) => [id, LIMITS]));
  }
  async openBreakerOf(accountId: number): Promise<OpenBreaker | null> {
    this.calls += 1;
    return accountId === 7 ? TRIP : null;
  }
  tradingStateOf(_account: BrokerAccount, breakerTripped: boolean): TradingStateFields {
    this.calls += 1;
    return breakerTripped ? HALTED : { ...HALTED, tradingState: 'ACTIVE', tradingStateCauses: [] };
  }
}

/** Stands where the risk module stands: provides the implementation without being imported by the consumer's module. */
@Module({ providers: [CountingRisk, { provide: RISK_FACTS, useExisting: CountingRisk }] })
class ProvidingModule {}

/** Stands where the analytics module stands: only the late-bound port. */
@Module({ providers: [analyticsRiskProvider], exports: [ANALYTICS_RISK] })
class ConsumingModule {}

describe('AnalyticsRisk port (analytics owns it, risk provides it)', () => {
  it('reaches the implementation another module provides, for each question', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule, ProvidingModule] }).compile();
    const risk = app.get<AnalyticsRisk>(ANALYTICS_RISK);
    expect([...(await risk.limitsOf([7, 8])).entries()]).toEqual([[7, LIMITS]]);
    expect(await risk.openBreakerOf(7)).toEqual(TRIP);
    expect(await risk.openBreakerOf(8)).toBeNull();
    expect(risk.tradingStateOf({ id: 7 } as BrokerAccount, true)).toEqual(HALTED);
    expect(app.get(CountingRisk).calls).toBe(4);
    await app.close();
  });

  it('fails the question clearly when no module provides the risk facts', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule] }).compile();
    const risk = app.get<AnalyticsRisk>(ANALYTICS_RISK);
    await expect(risk.limitsOf([7])).rejects.toThrow(/mcube:risk-facts/);
    expect(() => risk.tradingStateOf({ id: 7 } as BrokerAccount, false)).toThrow(/mcube:risk-facts/);
    await app.close();
  });
});
