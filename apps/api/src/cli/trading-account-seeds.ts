import {
  AccountRiskDefaults,
  ICICI_FUTURES_DEFAULTS,
  ICICI_RISK_DEFAULTS,
  KOTAK_RISK_DEFAULTS,
  KOTAK_STRANGLE_DEFAULTS,
  STRANGLE_FILTER_DEFAULTS,
} from '@mcube/domain';
import type { BrokerCode } from '../modules/accounts/entities/broker-account.entity';
import type { RiskLimit } from '../modules/risk/entities/risk-limit.entity';
import { orderPathDefaultsFor, type OrderPathSettings } from '../modules/risk/risk-limits/order-path-defaults';
import type { StrategyType } from '../modules/strategies/entities/strategy-type';

/** What `init` creates for one broker when it has no account yet. */
export interface TradingAccountSeed {
  broker: BrokerCode;
  accountNumber: string;
  name: string;
  allocatedCapitalPaise: number;
  riskLimit: Omit<RiskLimit, 'id' | 'createdAt' | 'updatedAt' | 'accountId' | 'account' | 'version'>;
  strategyType: StrategyType;
  parameters: Record<string, unknown>;
}

/** Plain, mutable JSON copy of frozen defaults. */
function plain<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

function riskLimitFrom(d: AccountRiskDefaults, orderPath: OrderPathSettings): TradingAccountSeed['riskLimit'] {
  return {
    maxMarginUsagePct: d.maxMarginUsagePct,
    firstTradeFraction: d.firstTradeFraction,
    maxConcurrentPositions: d.maxConcurrentPositions,
    perPositionStopPaise: d.perPositionStopPaise ?? null,
    perTradeRiskPaise: d.perTradeRiskPaise ?? null,
    dailyLossLimitPaise: d.dailyLossLimitPaise,
    // DECISIONS §6: ₹4 L (Kotak), ₹3 L (ICICI), twice the daily limit.
    weeklyLossLimitPaise: d.weeklyLossLimitPaise,
    weeklyProfitTargetPaise: d.weeklyProfitTargetPaise,
    monthlyProfitTargetPaise: d.monthlyProfitTargetPaise,
    pauseOnProfitTarget: d.pauseOnProfitTarget,
    maxDrawdownPct: d.maxDrawdownPct,
    maxLeverage: d.maxLeverage ?? null,
    maxTotalExposurePaise: d.maxTotalExposurePaise ?? null,
    maxPositionExposurePaise: d.maxPositionExposurePaise ?? null,
    ...orderPath,
  };
}

/**
 * The two accounts of plan §3 with DECISIONS.md applied, from the domain's defaults: Kotak
 * ₹6 Cr running the weekly NIFTY strangle, ICICI ₹1.2 Cr running LLM-validated futures.
 * Both start in paper trading. Account numbers are placeholders until a person enters the
 * real client codes.
 */
export const TRADING_ACCOUNT_SEEDS: readonly TradingAccountSeed[] = [
  {
    broker: 'KOTAK',
    accountNumber: 'KOTAK-PAPER',
    name: 'Kotak Securities: NIFTY weekly strangle',
    allocatedCapitalPaise: KOTAK_RISK_DEFAULTS.allocatedCapitalPaise,
    riskLimit: riskLimitFrom(KOTAK_RISK_DEFAULTS, orderPathDefaultsFor('KOTAK')),
    strategyType: 'WEEKLY_NIFTY_STRANGLE',
    parameters: { ...plain(KOTAK_STRANGLE_DEFAULTS), ...plain(STRANGLE_FILTER_DEFAULTS) },
  },
  {
    broker: 'ICICI',
    accountNumber: 'ICICI-PAPER',
    name: 'ICICI Securities: LLM-validated futures',
    allocatedCapitalPaise: ICICI_RISK_DEFAULTS.allocatedCapitalPaise,
    riskLimit: riskLimitFrom(ICICI_RISK_DEFAULTS, orderPathDefaultsFor('ICICI')),
    strategyType: 'LLM_VALIDATED_FUTURES',
    parameters: plain(ICICI_FUTURES_DEFAULTS),
  },
];
