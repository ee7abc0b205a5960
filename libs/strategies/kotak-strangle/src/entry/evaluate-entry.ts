import {
  addDays,
  calendarExpirySource,
  compareTimes,
  DomainError,
  istDateTimeOf,
  lotSizeFor,
  morningCheck,
  roughShortOptionMarginPaise,
  selectOptionExpiry,
  strangleEntryFilters,
  strangleLots,
  tickSize,
  usableMargin,
  validatePremium,
  type ExpirySelection,
  type InstrumentMasterRecord,
  type OptionChainSnapshot,
} from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import type { AccountMarginView } from '../ports/position-view.port';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import type { EntryEvaluation, EntryMarketFacts, EntryReasonCode, EntrySizing, LegQuote } from './entry-evaluation';
import { sellLimitPrice } from './limit-price';
import { fetchMarketFacts } from './market-facts';
import { formulaStrikes, selectStrangleStrikes } from './select-strikes';

type Partial_ = Omit<EntryEvaluation, 'decision' | 'reasonCode' | 'reason'>;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function legQuote(chain: OptionChainSnapshot, type: 'CE' | 'PE', strike: number, config: KotakStrangleConfig, tick: number): LegQuote | null {
  const row = chain.strikes.find((r) => r.strike === strike);
  const side = type === 'CE' ? row?.call : row?.put;
  if (!side) return null;
  return { optionType: type, strike, bid: side.bid ?? null, ask: side.ask ?? null, lastPrice: side.lastPrice, limitPrice: sellLimitPrice(side, config.entryLimitMode, tick) };
}

function lotSizeOf(config: KotakStrangleConfig, expiry: string, master: readonly InstrumentMasterRecord[]) {
  const record = master.find((r) => r.underlying === config.underlying && r.kind === 'OPT' && r.expiry === expiry);
  const overrides = record ? [{ underlying: config.underlying, expiry, lotSize: record.lotSize }] : undefined;
  return { lotSize: lotSizeFor({ underlying: config.underlying, expiry, overrides }), source: record ? ('INSTRUMENT_MASTER' as const) : ('DATED_TABLE' as const), tick: record?.tickSize ?? tickSize };
}

/**
 * Evaluates an entry at `nowMs` without trading: the "what would it do now" answer. Workflow
 * (plan §4/§5, DECISIONS §1): morning check (an active position → MONITOR) → trading day and
 * entry window → a confirmed calendar day (past the holiday horizon: SKIP CALENDAR_UNCONFIRMED,
 * DECISIONS §6) → all five filters → expiry by the 1-day rule, which must be a confirmed date
 * (else SKIP CALENDAR_UNCONFIRMED) → strikes (formula, OI levels,
 * bias, listed) → premium at the entry limits → lots from usable margin and margin per lot
 * (lot size from the day's instrument master). Stops at the first failed step (SKIP with its
 * code); all five filters are always evaluated together. Data it cannot read → SKIP
 * MARKET_DATA_UNAVAILABLE with the error. Rejects only when a port used before any step (the
 * position view) rejects.
 */
export async function evaluateEntry(deps: KotakStrangleDeps, config: KotakStrangleConfig, nowMs: number): Promise<EntryEvaluation> {
  const { date, time } = istDateTimeOf(nowMs);
  const position = await deps.positions.activePosition(config.accountId);
  const check = morningCheck({ hasActivePosition: position !== null });
  const isTradingDay = deps.calendar.isTradingDay(date);
  const inWindow = isTradingDay && compareTimes(time, config.entryWindowStart) >= 0 && compareTimes(time, config.entryWindowEnd) < 0;
  let ev: Partial_ = {
    evaluatedAtMs: nowMs,
    date,
    time,
    accountId: config.accountId,
    underlying: config.underlying,
    morningCheck: check,
    window: { isTradingDay, start: config.entryWindowStart, end: config.entryWindowEnd, inWindow },
    market: null,
    filters: null,
    expiry: null,
    strikes: null,
    premium: null,
    sizing: null,
  };
  const end = (decision: EntryEvaluation['decision'], reasonCode: EntryReasonCode, reason: string): EntryEvaluation => ({ ...ev, decision, reasonCode, reason });

  if (!check.allowNewEntry) return end('MONITOR', 'ACTIVE_POSITION_MONITOR_ONLY', check.reason);
  if (!isTradingDay) return end('SKIP', 'NOT_A_TRADING_DAY', `${date} is not a trading day`);
  if (!inWindow) return end('SKIP', 'OUTSIDE_ENTRY_WINDOW', `${time} is outside the entry window ${config.entryWindowStart}–${config.entryWindowEnd}`);
  if (!deps.calendar.isConfirmed(date)) {
    return end('SKIP', 'CALENDAR_UNCONFIRMED', `${date} is past the NSE calendar's known horizon ${deps.calendar.horizon ?? ''}: no new entry until next year's holidays are entered`);
  }

  let market: EntryMarketFacts;
  try {
    market = await fetchMarketFacts(deps.market, { date, lookaheadDays: config.filters.eventLookaheadDays, calendar: deps.calendar });
  } catch (e) {
    return end('SKIP', 'MARKET_DATA_UNAVAILABLE', `market data unavailable: ${messageOf(e)}`);
  }
  const filters = strangleEntryFilters({
    today: date,
    ...market,
    events: market.highImpactEvents.map((e) => ({ ...e, importance: 'HIGH' as const })),
    hasActivePosition: false,
    thresholds: config.filters,
  });
  ev = { ...ev, market, filters };
  const failedFilter = filters.filters.find((f) => !f.passed);
  if (failedFilter) return end('SKIP', `FILTER_FAILED:${failedFilter.name}`, filters.failed.join('; '));

  let expiry: ExpirySelection;
  const listed = (deps.expiries ?? calendarExpirySource(deps.calendar)).expiriesBetween(config.underlying, date, addDays(date, 35));
  try {
    expiry = selectOptionExpiry({ today: date, expiries: listed.map((e) => e.date), minDaysToExpiry: config.minDaysToExpiry });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NO_EXPIRY_AVAILABLE') return end('SKIP', 'NO_EXPIRY_AVAILABLE', e.message);
    throw e;
  }
  ev = { ...ev, expiry };
  if (!listed.find((e) => e.date === expiry.expiry)?.confirmed) {
    return end('SKIP', 'CALENDAR_UNCONFIRMED', `expiry ${expiry.expiry} lies past the NSE calendar's known horizon ${deps.calendar.horizon ?? ''}: its date is only assumed`);
  }

  let chain: OptionChainSnapshot;
  let master: readonly InstrumentMasterRecord[];
  let margin: AccountMarginView;
  try {
    [chain, master, margin] = await Promise.all([
      deps.market.optionChain({ underlying: config.underlying, expiry: expiry.expiry }),
      deps.market.instruments(date),
      deps.positions.margin(config.accountId),
    ]);
  } catch (e) {
    return end('SKIP', 'MARKET_DATA_UNAVAILABLE', `chain, instrument master or margin unavailable: ${messageOf(e)}`);
  }
  const formula = formulaStrikes({ spot: market.spot, vix: market.vix, daysToExpiry: expiry.daysToExpiry, config });
  if (formula.callStrike <= formula.putStrike) {
    return end('SKIP', 'STRIKES_TOO_CLOSE', `call and put round to the same strike ${formula.callStrike}: ${formula.strikeDistance} points from spot ${market.spot} is under half the ${config.roundTo}-point step (no strangle to sell)`);
  }
  const strikes = selectStrangleStrikes({ spot: market.spot, vix: market.vix, daysToExpiry: expiry.daysToExpiry, nifty3dChangePct: market.nifty3dChangePct, chain, config });
  ev = { ...ev, strikes };
  if (!strikes.listed) return end('SKIP', 'NO_LISTED_STRIKE', `no listed strike at or beyond call ${strikes.biasAdjusted.callStrike} / put ${strikes.biasAdjusted.putStrike}`);

  const lot = lotSizeOf(config, expiry.expiry, master);
  const call = legQuote(chain, 'CE', strikes.callStrike, config, lot.tick);
  const put = legQuote(chain, 'PE', strikes.putStrike, config, lot.tick);
  if (!call || !put) return end('SKIP', 'NO_LISTED_STRIKE', `the chain has no quote for call ${strikes.callStrike} or put ${strikes.putStrike}`);
  const validation = validatePremium({
    callPremium: call.limitPrice,
    putPremium: put.limitPrice,
    lotSize: lot.lotSize,
    lots: 1,
    minCombinedPremium: config.minCombinedPremium,
    minPremiumPerLotPaise: config.minPremiumPerLotPaise > 0 ? config.minPremiumPerLotPaise : undefined,
  });
  ev = { ...ev, premium: { call, put, validation } };
  if (!validation.ok) return end('SKIP', 'PREMIUM_TOO_LOW', validation.reason);

  const usable = usableMargin({
    availableMarginPaise: margin.availablePaise,
    allocatedCapitalPaise: config.allocatedCapitalPaise,
    maxMarginUsagePct: config.maxMarginUsage,
    marginInUsePaise: margin.inUsePaise,
    firstTradeFraction: config.firstTradeFraction,
  });
  const marginPerLotPaise = roughShortOptionMarginPaise({
    spot: market.spot,
    lotSize: lot.lotSize,
    lots: 1,
    shortLegs: 2,
    isExpiryDay: expiry.daysToExpiry === 0,
    marginPct: config.marginPctOfNotional,
    expiryExtraPct: config.expiryExtraMarginPct,
  });
  const lots = strangleLots({ usableMarginPaise: usable, marginPerLotPaise, maxLots: config.maxLots > 0 ? config.maxLots : undefined });
  const sizing: EntrySizing = {
    lotSize: lot.lotSize,
    lotSizeSource: lot.source,
    availableMarginPaise: margin.availablePaise,
    marginInUsePaise: margin.inUsePaise,
    usableMarginPaise: usable,
    marginPerLotPaise,
    lots,
    quantity: lots * lot.lotSize,
    totalPremiumPaise: validation.premiumPerLotPaise * lots,
  };
  ev = { ...ev, sizing };
  if (lots === 0) return end('SKIP', 'INSUFFICIENT_MARGIN', `usable margin ${usable} paise is below one lot's ${marginPerLotPaise} paise`);
  return end('ENTER', 'ALL_CHECKS_PASSED', `Enter: sell ${lots} lot(s) of ${strikes.callStrike} CE and ${strikes.putStrike} PE ${expiry.expiry} for ${validation.combinedPremium} points`);
}
