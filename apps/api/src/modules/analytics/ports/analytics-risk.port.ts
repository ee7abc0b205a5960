import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { TradingStateFields } from '@mcube/contracts';
import { type AccountFacts } from '../../accounts/account-reads';

/** An account's stored loss limits and profit targets, as the reports show them (paise). */
export interface RiskTargets {
  readonly dailyLossLimitPaise: number;
  readonly weeklyLossLimitPaise: number | null;
  readonly weeklyProfitTargetPaise: number;
  readonly monthlyProfitTargetPaise: number;
}

/** The most recent breaker trip that is not reset. */
export interface OpenBreaker {
  readonly reason: string;
  readonly trippedAt: Date;
}

/**
 * What the analytics module shows of risk: stored limits and targets, the open breaker, the
 * effective trading state. The risk module implements it (`AnalyticsRiskFacts`) and provides it
 * under `RISK_FACTS`; the analytics module owns the port so that it does not import the risk
 * module (which reads the daily P&L rows analytics writes).
 */
export interface AnalyticsRisk {
  /** The stored limits of each account that has a limits row (an account without one is absent). */
  limitsOf(accountIds: readonly number[]): Promise<Map<number, RiskTargets>>;
  /** The account's most recent unreset trip, or a system-wide one; null when none is open. */
  openBreakerOf(accountId: number): Promise<OpenBreaker | null>;
  /** The account's effective trading state with its causes. */
  tradingStateOf(account: AccountFacts, breakerTripped: boolean): TradingStateFields;
}

/** Token under which the risk module provides its `AnalyticsRisk` implementation. */
export const RISK_FACTS = Symbol('mcube:risk-facts');

/** Token of the risk facts the analytics module injects: `RISK_FACTS`, looked up when first used. */
export const ANALYTICS_RISK = Symbol('mcube:analytics-risk');

/**
 * `AnalyticsRisk` resolved on first use: the analytics module does not import the risk module,
 * so Nest cannot inject the implementation; it is looked up across the app when first asked, by
 * then booted. Throws when no module provides `RISK_FACTS`.
 */
export class LateBoundAnalyticsRisk implements AnalyticsRisk {
  private target?: AnalyticsRisk;

  constructor(private readonly resolve: () => AnalyticsRisk) {}

  async limitsOf(accountIds: readonly number[]): Promise<Map<number, RiskTargets>> {
    return this.resolved().limitsOf(accountIds);
  }

  async openBreakerOf(accountId: number): Promise<OpenBreaker | null> {
    return this.resolved().openBreakerOf(accountId);
  }

  tradingStateOf(account: AccountFacts, breakerTripped: boolean): TradingStateFields {
    return this.resolved().tradingStateOf(account, breakerTripped);
  }

  private resolved(): AnalyticsRisk {
    this.target ??= this.resolve();
    return this.target;
  }
}

/** Provides `ANALYTICS_RISK` for the analytics module. */
export const analyticsRiskProvider: Provider = {
  provide: ANALYTICS_RISK,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): AnalyticsRisk => new LateBoundAnalyticsRisk(() => ref.get<AnalyticsRisk>(RISK_FACTS, { strict: false })),
};
