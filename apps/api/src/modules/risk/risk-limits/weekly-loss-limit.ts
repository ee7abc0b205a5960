import { ICICI_RISK_DEFAULTS, KOTAK_RISK_DEFAULTS, type BrokerName } from '@mcube/domain';

/**
 * The weekly loss limit in force, paise: the stored one, or the broker's default when the row
 * has none (DECISIONS §6: ₹4 L Kotak, ₹3 L ICICI). Never "no limit": a breach always trips the
 * breaker, like the daily limit.
 */
export function weeklyLossLimitPaiseOf(stored: number | null | undefined, broker: BrokerName): number {
  return stored ?? (broker === 'ICICI' ? ICICI_RISK_DEFAULTS : KOTAK_RISK_DEFAULTS).weeklyLossLimitPaise;
}
