import {
  daysBetween,
  freezeQuantityFor,
  istDateTimeOf,
  lotSizeFor,
  riskPnlFacts,
  tickSize,
  usableMargin,
  type BrokerMargin,
  type EffectiveRiskLimits,
  type NseCalendar,
  type RiskCheckedOrder,
  type RiskContext,
} from '@mcube/domain';
import type { PositionBook } from './position-book';

/** The account facts a backtest keeps (the API reads them from its tables). */
export interface BacktestAccount {
  readonly accountId: string;
  readonly allocatedCapitalPaise: number;
  /** False once a breaker trip deactivated it, until re-activated. */
  active: boolean;
  breakerTripped: boolean;
}

/**
 * The `RiskContext` of one intent, gathered the way the API's risk-context service does
 * (effective limits, usable margin from the broker's margin, P&L facts from the day rows plus
 * the active position, the active position's declared exposure, dated lot size, tick and freeze
 * quantity, days to expiry): the pure checks then decide. Kill switch: always ACTIVE.
 */
export function buildRiskContext(input: {
  intent: RiskCheckedOrder;
  nowMs: number;
  calendar: NseCalendar;
  account: BacktestAccount;
  limits: EffectiveRiskLimits;
  margin: BrokerMargin;
  book: PositionBook;
}): RiskContext {
  const { intent, nowMs, calendar, account, limits, margin, book } = input;
  const { date, time } = istDateTimeOf(nowMs);
  const active = book.active();
  const inUsePaise = Math.max(0, margin.usedPaise);
  const exposure = active?.entryValuePaise ?? 0;
  return {
    nowMs,
    date,
    time,
    withinSession: calendar.isWithinSession(date, time),
    tradingState: 'ACTIVE',
    account: { accountId: account.accountId, broker: 'KOTAK', active: account.active, allocatedCapitalPaise: account.allocatedCapitalPaise, requiresApproval: limits.orderPath.requiresApproval },
    breakerTripped: account.breakerTripped,
    activePositionExists: active !== null,
    activePositionId: active?.positionId,
    margins: {
      availablePaise: margin.availablePaise,
      inUsePaise,
      usablePaise: usableMargin({ availableMarginPaise: margin.availablePaise, allocatedCapitalPaise: account.allocatedCapitalPaise, maxMarginUsagePct: limits.margin.maxMarginUsagePct, marginInUsePaise: inUsePaise, firstTradeFraction: limits.margin.firstTradeFraction }),
    },
    pnl: riskPnlFacts({ date, rows: book.riskRows(date), allocatedCapitalPaise: account.allocatedCapitalPaise, activePosition: active }),
    exposure: { totalPaise: exposure, positionPaise: intent.purpose === 'ENTRY' ? 0 : exposure },
    limits: limits.checks,
    instrument: {
      lotSize: lotSizeFor({ underlying: intent.instrument.underlying, expiry: intent.instrument.expiry }),
      tickSize,
      freezeQuantity: freezeQuantityFor({ underlying: intent.instrument.underlying, date }),
    },
    expiry: { daysToExpiry: daysBetween(date, intent.instrument.expiry), minDaysToExpiry: intent.instrument.kind === 'FUT' ? limits.orderPath.minDaysToExpiryFutures : limits.orderPath.minDaysToExpiryOptions },
    calendar: {
      dateConfirmed: calendar.isConfirmed(date),
      expiryConfirmed: calendar.isConfirmedExpiry(intent.instrument.underlying, intent.instrument.expiry),
      horizon: calendar.horizon,
    },
  };
}
