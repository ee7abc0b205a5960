import { rupees } from '../../money/paise';
import { epochMsOfIst } from '../../time/ist-date';
import type { RiskCheckedOrder } from '../../orders/risk-checked-order';
import type {
  RiskAccountFacts,
  RiskCalendarFacts,
  RiskContext,
  RiskExpiryFacts,
  RiskExposureFacts,
  RiskInstrumentFacts,
  RiskLimits,
  RiskMarginFacts,
  RiskPnlFacts,
} from '../risk-context';

/**
 * Test builders for risk checks: every field defaulted to a passing value, any field
 * overridable (nested facts merge one level deep). Not exported from the barrel.
 * Defaults: the Kotak strangle account (₹6 Cr) selling 10 lots of a NIFTY call, or the
 * ICICI futures account (₹1.2 Cr) buying one lot of a stock future with approval.
 */

const LAKH = 1_00_000;
const CRORE = 1_00_00_000;

/** 2026-03-10 10:00:00 IST (a Tuesday, inside the session). */
export const RISK_NOW_MS = epochMsOfIst('2026-03-10', '10:00:00');

/** A Kotak strangle entry's call leg: SELL 650 NIFTY 23500 CE @ ₹120.50, ENTRY, sent with SELL 650 22500 PE. */
export function buildRiskCheckedOrder(overrides: Partial<RiskCheckedOrder> = {}): RiskCheckedOrder {
  return {
    accountId: 'KOTAK-1',
    broker: 'KOTAK',
    segment: 'NFO-OPT',
    instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' },
    side: 'SELL',
    quantity: 650,
    orderType: 'LIMIT',
    limitPrice: 120.5,
    purpose: 'ENTRY',
    reducesPosition: false,
    entryLegs: [
      { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' }, side: 'SELL', quantity: 650 },
      { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, side: 'SELL', quantity: 650 },
    ],
    estimatedMarginPaise: rupees(18 * LAKH),
    estimatedRiskPaise: rupees(78_325),
    estimatedExposurePaise: rupees(1_52_75_000),
    ...overrides,
  };
}

/** An ICICI futures entry: BUY 500 RELIANCE futures @ ₹2,900.00, approved. */
export function buildIciciOrder(overrides: Partial<RiskCheckedOrder> = {}): RiskCheckedOrder {
  return buildRiskCheckedOrder({
    accountId: 'ICICI-1',
    broker: 'ICICI',
    segment: 'NFO-FUT',
    instrument: { underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-03-31' },
    side: 'BUY',
    quantity: 500,
    entryLegs: undefined,
    limitPrice: 2900,
    estimatedMarginPaise: rupees(2_90_000),
    estimatedRiskPaise: rupees(7_250),
    estimatedExposurePaise: rupees(14_50_000),
    approval: { approvedBy: 'trader@mcube', approvedAt: RISK_NOW_MS - 60_000 },
    ...overrides,
  });
}

/** Overrides for `buildRiskContext`: top-level fields replace, nested facts merge. */
export type RiskContextOverrides = Partial<Omit<RiskContext, 'account' | 'margins' | 'pnl' | 'exposure' | 'limits' | 'instrument' | 'expiry' | 'calendar'>> & {
  account?: Partial<RiskAccountFacts>;
  margins?: Partial<RiskMarginFacts>;
  pnl?: Partial<RiskPnlFacts>;
  exposure?: Partial<RiskExposureFacts>;
  limits?: Partial<RiskLimits>;
  instrument?: Partial<RiskInstrumentFacts>;
  expiry?: Partial<RiskExpiryFacts>;
  calendar?: Partial<RiskCalendarFacts>;
};

function merge(base: RiskContext, o: RiskContextOverrides): RiskContext {
  return {
    ...base,
    ...o,
    account: { ...base.account, ...o.account },
    margins: { ...base.margins, ...o.margins },
    pnl: { ...base.pnl, ...o.pnl },
    exposure: { ...base.exposure, ...o.exposure },
    limits: { ...base.limits, ...o.limits },
    instrument: { ...base.instrument, ...o.instrument },
    expiry: { ...base.expiry, ...o.expiry },
    calendar: { ...base.calendar, ...o.calendar },
  };
}

/** The Kotak account, flat, ACTIVE, inside the session, all limits far away. */
export function buildRiskContext(overrides: RiskContextOverrides = {}): RiskContext {
  const base: RiskContext = {
    nowMs: RISK_NOW_MS,
    date: '2026-03-10',
    time: '10:00:00',
    withinSession: true,
    tradingState: 'ACTIVE',
    account: { accountId: 'KOTAK-1', broker: 'KOTAK', active: true, allocatedCapitalPaise: rupees(6 * CRORE), requiresApproval: false },
    breakerTripped: false,
    activePositionExists: false,
    // usable = 50% × (min(₹3 Cr available, 40% × ₹6 Cr) − 0 in use) = ₹1.2 Cr
    margins: { availablePaise: rupees(3 * CRORE), inUsePaise: 0, usablePaise: rupees(1_20_00_000) },
    pnl: { todayPaise: 0, weekPaise: 0, monthPaise: 0, equityPeakPaise: rupees(6 * CRORE), equityPaise: rupees(6 * CRORE) },
    exposure: { totalPaise: 0, positionPaise: 0 },
    limits: {
      dailyLossLimitPaise: rupees(2 * LAKH),
      weeklyLossLimitPaise: rupees(5 * LAKH),
      maxDrawdownPct: 0.15,
      perTradeRiskPaise: rupees(1 * LAKH),
      weeklyProfitTargetPaise: rupees(1_75_000),
      monthlyProfitTargetPaise: rupees(7 * LAKH),
      pauseOnTarget: true,
    },
    instrument: { lotSize: 65, tickSize: 0.05, freezeQuantity: 1800 },
    expiry: { daysToExpiry: 7, minDaysToExpiry: 1 },
    calendar: { dateConfirmed: true, expiryConfirmed: true, horizon: '2026-12-31' },
  };
  return merge(base, overrides);
}

/** The ICICI futures account: approval required, exposure caps ₹6 Cr / ₹1.5 Cr, 5× leverage. */
export function buildIciciRiskContext(overrides: RiskContextOverrides = {}): RiskContext {
  const icici = buildRiskContext({
    account: { accountId: 'ICICI-1', broker: 'ICICI', allocatedCapitalPaise: rupees(1_20_00_000), requiresApproval: true },
    margins: { availablePaise: rupees(1_20_00_000), usablePaise: rupees(60 * LAKH) },
    pnl: { equityPeakPaise: rupees(1_20_00_000), equityPaise: rupees(1_20_00_000) },
    limits: {
      dailyLossLimitPaise: rupees(1_50_000),
      weeklyLossLimitPaise: rupees(4 * LAKH),
      perTradeRiskPaise: rupees(60_000),
      maxTotalExposurePaise: rupees(6 * CRORE),
      maxPositionExposurePaise: rupees(1_50_00_000),
      maxLeverage: 5,
      weeklyProfitTargetPaise: rupees(1_50_000),
      monthlyProfitTargetPaise: rupees(6 * LAKH),
    },
    instrument: { lotSize: 500, tickSize: 0.05, freezeQuantity: 10_000 },
    expiry: { daysToExpiry: 21, minDaysToExpiry: 15 },
  });
  return merge(icici, overrides);
}

/** An EXIT that only reduces the position (the builder's entry turned around). */
export function buildExitOrder(overrides: Partial<RiskCheckedOrder> = {}): RiskCheckedOrder {
  return buildRiskCheckedOrder({ side: 'BUY', purpose: 'EXIT', reducesPosition: true, estimatedMarginPaise: 0, estimatedRiskPaise: 0, ...overrides });
}
