import { DomainError } from '../errors/domain-error';
import { addDays, compareDates, IsoDate } from '../time/ist-date';
import { assertFinite, assertNonNegative, assertPositive } from '../validation/assert';

/** Names of the five strangle entry filters of plan §5, in evaluation order. */
export type StrangleFilterName = 'GLOBAL_MARKETS' | 'NIFTY_MOVEMENT' | 'EVENT_CALENDAR' | 'MARKET_REGIME' | 'ONE_POSITION';

/** Outcome of one entry filter, with the values it judged (for the "what would it do now" screen). */
export interface EntryFilterResult {
  readonly name: StrangleFilterName;
  readonly passed: boolean;
  readonly message: string;
  readonly values: Readonly<Record<string, number | string | boolean | null>>;
}

/** An economic-calendar event. */
export interface MarketEvent {
  readonly date: IsoDate;
  readonly title: string;
  readonly importance: 'HIGH' | 'MEDIUM' | 'LOW';
}

const pct = (v: number): string => `${v.toFixed(2)}%`;

/**
 * Filter 1, global markets: |GIFT Nifty change| > limit fails (GIFT Nifty replaced SGX
 * Nifty on 2023-07-03); otherwise |Nasdaq| or |Dow| > US limit fails. A value exactly at a
 * limit passes. @throws DomainError INVALID_ARGUMENT for a non-finite change or limit.
 */
export function globalMarketsFilter(input: {
  giftNiftyChangePct: number;
  nasdaqChangePct: number;
  dowChangePct: number;
  maxGiftNiftyChangePct: number;
  maxUsChangePct: number;
}): EntryFilterResult {
  const { giftNiftyChangePct: gift, nasdaqChangePct: nasdaq, dowChangePct: dow, maxGiftNiftyChangePct, maxUsChangePct } = input;
  assertFinite('giftNiftyChangePct', gift);
  assertFinite('nasdaqChangePct', nasdaq);
  assertFinite('dowChangePct', dow);
  assertNonNegative('maxGiftNiftyChangePct', maxGiftNiftyChangePct);
  assertNonNegative('maxUsChangePct', maxUsChangePct);
  const values = { giftNiftyChangePct: gift, nasdaqChangePct: nasdaq, dowChangePct: dow, maxGiftNiftyChangePct, maxUsChangePct };
  if (Math.abs(gift) > maxGiftNiftyChangePct) {
    return { name: 'GLOBAL_MARKETS', passed: false, values, message: `GIFT Nifty moved ${pct(gift)} (limit: ±${maxGiftNiftyChangePct}%)` };
  }
  if (Math.abs(nasdaq) > maxUsChangePct || Math.abs(dow) > maxUsChangePct) {
    return {
      name: 'GLOBAL_MARKETS',
      passed: false,
      values,
      message: `US markets too volatile: Nasdaq ${pct(nasdaq)}, Dow ${pct(dow)} (limit: ±${maxUsChangePct}%)`,
    };
  }
  return {
    name: 'GLOBAL_MARKETS',
    passed: true,
    values,
    message: `Global markets stable: GIFT Nifty ${pct(gift)}, Nasdaq ${pct(nasdaq)}, Dow ${pct(dow)}`,
  };
}

/**
 * Filter 2, recent NIFTY movement: |1-day change| > limit fails, else |3-day change| >
 * limit fails; exactly at a limit passes. @throws DomainError INVALID_ARGUMENT for NaN.
 */
export function niftyMovementFilter(input: {
  nifty1dChangePct: number;
  nifty3dChangePct: number;
  maxNifty1dChangePct: number;
  maxNifty3dChangePct: number;
}): EntryFilterResult {
  const { nifty1dChangePct: d1, nifty3dChangePct: d3, maxNifty1dChangePct, maxNifty3dChangePct } = input;
  assertFinite('nifty1dChangePct', d1);
  assertFinite('nifty3dChangePct', d3);
  assertNonNegative('maxNifty1dChangePct', maxNifty1dChangePct);
  assertNonNegative('maxNifty3dChangePct', maxNifty3dChangePct);
  const values = { nifty1dChangePct: d1, nifty3dChangePct: d3, maxNifty1dChangePct, maxNifty3dChangePct };
  if (Math.abs(d1) > maxNifty1dChangePct) {
    return { name: 'NIFTY_MOVEMENT', passed: false, values, message: `Nifty moved ${pct(d1)} yesterday (limit: ±${maxNifty1dChangePct}%)` };
  }
  if (Math.abs(d3) > maxNifty3dChangePct) {
    return { name: 'NIFTY_MOVEMENT', passed: false, values, message: `Nifty moved ${pct(d3)} in 3 days (limit: ±${maxNifty3dChangePct}%)` };
  }
  return {
    name: 'NIFTY_MOVEMENT',
    passed: true,
    values,
    message: `Nifty price movement within acceptable range: 1 day ${pct(d1)}, 3 days ${pct(d3)}`,
  };
}

/**
 * Filter 3, economic calendar: any HIGH-importance event dated from `today` to
 * `today + lookaheadDays` calendar days, both ends INCLUSIVE, fails. Earlier events and
 * MEDIUM/LOW events are ignored. The message names the earliest such event.
 * @throws DomainError INVALID_DATE for a malformed date, INVALID_ARGUMENT for a bad lookahead.
 */
export function eventCalendarFilter(input: { today: IsoDate; events: readonly MarketEvent[]; lookaheadDays: number }): EntryFilterResult {
  const { today, events, lookaheadDays } = input;
  if (!Number.isSafeInteger(lookaheadDays) || lookaheadDays < 0) {
    throw new DomainError('INVALID_ARGUMENT', `lookaheadDays must be a whole number ≥ 0, got ${lookaheadDays}`);
  }
  const last = addDays(today, lookaheadDays);
  const major = events
    .filter((e) => e.importance === 'HIGH' && compareDates(e.date, today) >= 0 && compareDates(e.date, last) <= 0)
    .sort((a, b) => compareDates(a.date, b.date));
  const values = { from: today, to: last, highImportanceEvents: major.length, firstEvent: major[0]?.title ?? null };
  if (major.length > 0) {
    return { name: 'EVENT_CALENDAR', passed: false, values, message: `Major event upcoming: ${major[0].title} on ${major[0].date}` };
  }
  return { name: 'EVENT_CALENDAR', passed: true, values, message: `No major economic events in next ${lookaheadDays} days (${today} to ${last})` };
}

/**
 * Filter 4, market regime: spot above the upper or below the lower Bollinger band (20, 2)
 * fails; otherwise India VIX > limit fails. On a band or exactly at the VIX limit passes.
 * @throws DomainError INVALID_ARGUMENT for non-positive levels or lower > upper.
 */
export function marketRegimeFilter(input: {
  spot: number;
  bollingerUpper: number;
  bollingerLower: number;
  vix: number;
  maxVix: number;
}): EntryFilterResult {
  const { spot, bollingerUpper: upper, bollingerLower: lower, vix, maxVix } = input;
  assertPositive('spot', spot);
  assertPositive('bollingerUpper', upper);
  assertPositive('bollingerLower', lower);
  assertNonNegative('vix', vix);
  assertNonNegative('maxVix', maxVix);
  if (lower > upper) throw new DomainError('INVALID_ARGUMENT', `bollingerLower ${lower} is above bollingerUpper ${upper}`);
  const values = { spot, bollingerUpper: upper, bollingerLower: lower, vix, maxVix };
  if (spot > upper || spot < lower) {
    const where = spot > upper ? `above upper band ${upper}` : `below lower band ${lower}`;
    return { name: 'MARKET_REGIME', passed: false, values, message: `Nifty at Bollinger Band extreme: ${spot} ${where}` };
  }
  if (vix > maxVix) {
    return { name: 'MARKET_REGIME', passed: false, values, message: `India VIX too high: ${vix.toFixed(1)} (limit: ${maxVix})` };
  }
  return { name: 'MARKET_REGIME', passed: true, values, message: `Market regime favorable: VIX ${vix.toFixed(1)}, Nifty inside bands` };
}

/** Filter 5, the one-position rule: an active position fails. */
export function onePositionFilter(hasActivePosition: boolean): EntryFilterResult {
  return hasActivePosition
    ? { name: 'ONE_POSITION', passed: false, values: { hasActivePosition }, message: 'Active position already exists' }
    : { name: 'ONE_POSITION', passed: true, values: { hasActivePosition }, message: 'No existing position - slot available' };
}
