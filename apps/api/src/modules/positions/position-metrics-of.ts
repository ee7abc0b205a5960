import type { PositionMetricsResponse } from '@mcube/contracts';
import { addDays, epochMsOfIst, istDateTimeOf, KOTAK_STRANGLE_DEFAULTS, positionMetrics, type MetricsExitRules, type MetricsLeg, type NseCalendar } from '@mcube/domain';
import type { LegGreeks } from '@mcube/contracts';
import type { PositionLeg } from './entities/position-leg.entity';
import type { Position } from './entities/position.entity';

const MS_PER_YEAR = 365 * 86_400_000;

/** The strangle's exit thresholds from its stored parameters, each falling back to the strategy default. */
export function strangleExitRulesOf(parameters: Record<string, unknown> | null): MetricsExitRules {
  const d = KOTAK_STRANGLE_DEFAULTS;
  const num = (k: string, fallback: number) => (typeof parameters?.[k] === 'number' ? (parameters[k] as number) : fallback);
  return {
    targetPct: num('targetPct', d.targetPct),
    stopLossPct: num('stopLossPct', d.stopLossPct),
    perPositionStopPaise: num('perPositionStopPaise', d.perPositionStopPaise),
    eodTime: typeof parameters?.['eodTime'] === 'string' ? (parameters['eodTime'] as string) : d.eodTime,
    eodMinProfitPct: num('eodMinProfitPct', d.eodMinProfitPct),
  };
}

/** Whether today trades and the next trading day; past the calendar's horizon, assume a weekday calendar (display only). */
function tradingDayFacts(calendar: NseCalendar, today: string): { isTradingDay: boolean; nextTradingDay: string } {
  try {
    return { isTradingDay: calendar.isTradingDay(today), nextTradingDay: calendar.nextTradingDay(today) };
  } catch {
    return { isTradingDay: true, nextTradingDay: addDays(today, 1) };
  }
}

/**
 * The domain's `positionMetrics` for a stored position: legs with their greeks, spot of the
 * last mark, the market clock's date and time (years to the expiry's close on the NSE calendar)
 * and the strangle's exit rules (null for another strategy: no premium rule governs it).
 */
export function positionMetricsOf(input: {
  position: Position;
  legs: readonly PositionLeg[];
  greeksOf: ReadonlyMap<number, LegGreeks | null | undefined>;
  spot: number | null;
  nowMs: number;
  calendar: NseCalendar;
  exitRules: MetricsExitRules | null;
}): PositionMetricsResponse {
  const { position, calendar, nowMs } = input;
  const { date: today, time: now } = istDateTimeOf(nowMs);
  const close = calendar.sessionFor(position.expiryDate)?.close ?? '15:30';
  const yearsToExpiry = Math.max(epochMsOfIst(position.expiryDate, close) - nowMs, 0) / MS_PER_YEAR;
  const legs = input.legs.map((l): MetricsLeg => ({
    optionType: l.instrumentType === 'CE' || l.instrumentType === 'PE' ? l.instrumentType : null,
    strike: l.strike,
    side: l.side,
    quantity: l.status === 'OPEN' ? l.quantity : 0,
    entryPricePaise: l.avgPricePaise,
    lastPricePaise: l.lastPricePaise,
    greeks: input.greeksOf.get(l.id) ?? null,
  }));
  const metrics = positionMetrics({
    legs,
    spot: input.spot,
    realizedPnlPaise: position.realizedPnlPaise,
    unrealizedPnlPaise: position.unrealizedPnlPaise,
    marginBlockedPaise: position.status === 'ACTIVE' ? position.marginUsedPaise : null,
    expiryDate: position.expiryDate,
    today: today > position.expiryDate ? position.expiryDate : today,
    now,
    yearsToExpiry,
    ...tradingDayFacts(calendar, today),
    exitRules: input.exitRules,
  });
  return { ...metrics, yearsToExpiry, targetPct: input.exitRules?.targetPct ?? null, asOfMs: nowMs };
}
