import {
  deltaAdjustmentAdvice,
  DomainError,
  epochMsOfIst,
  istDateTimeOf,
  netDelta,
  notionalPaise,
  priceChain,
  strangleExitDecision,
  type ChainDelta,
  type DeltaAdvice,
  type NseCalendar,
  type OptionChainSnapshot,
  type OptionGreeks,
  type Paise,
  type StrangleExitDecision,
} from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import { markPrice } from '../entry/limit-price';
import type { StrategyPosition } from '../ports/position-view.port';

const MS_PER_YEAR = 365 * 86_400_000;

/** One leg valued now. */
export interface LegMark {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly quantity: number;
  readonly averagePrice: number;
  readonly markPrice: number;
  readonly iv: number | null;
  readonly greeks: OptionGreeks | null;
  /** Per-unit delta used (model delta, or intrinsic 0/±1 when the mark implies no volatility). */
  readonly delta: number;
}

/** Everything one monitoring pass judged, as journalled. */
export interface PositionAssessment {
  readonly atMs: number;
  readonly date: string;
  readonly time: string;
  readonly spot: number;
  readonly expiry: string;
  readonly yearsToExpiry: number;
  readonly legs: readonly LegMark[];
  readonly netDelta: number;
  readonly premiumCollectedPaise: Paise;
  readonly costToClosePaise: Paise;
  readonly exit: StrangleExitDecision;
  readonly advice: DeltaAdvice;
}

function yearsLeft(calendar: NseCalendar, expiry: string, nowMs: number): number {
  const close = calendar.sessionFor(expiry)?.close ?? '15:30';
  return Math.max(epochMsOfIst(expiry, close) - nowMs, 60_000) / MS_PER_YEAR;
}

function chainDeltas(chain: OptionChainSnapshot, spot: number, years: number, config: KotakStrangleConfig): ChainDelta[] {
  const options = chain.strikes.flatMap((r) => [
    ...(r.call && r.call.lastPrice > 0 ? [{ strike: r.strike, type: 'CE' as const, price: markPrice(r.call) }] : []),
    ...(r.put && r.put.lastPrice > 0 ? [{ strike: r.strike, type: 'PE' as const, price: markPrice(r.put) }] : []),
  ]);
  return priceChain({ spot, years, rate: config.riskFreeRate, dividendYield: config.dividendYield, options }).flatMap((row) =>
    row.status === 'OK' ? [{ strike: row.strike, type: row.type, delta: row.greeks.delta }] : [],
  );
}

/**
 * Values the open strangle at `nowMs` from the chain of its expiry (pure): each leg's mark
 * (mid, else last), implied volatility and greeks (`priceChain`), the net delta (`netDelta`,
 * short = negative quantity), premium collected vs cost to close at the marks, the exit rule
 * (`strangleExitDecision` with the configured target/stop/EOD/expiry rules) and the delta advice
 * (`deltaAdjustmentAdvice`, with chain deltas only when the threshold is crossed).
 * @throws DomainError when a leg is missing from the chain, the position collected no premium,
 * or the date is after the expiry.
 */
export function assessPosition(input: {
  position: StrategyPosition;
  chain: OptionChainSnapshot;
  spot: number;
  nowMs: number;
  config: KotakStrangleConfig;
  calendar: NseCalendar;
}): PositionAssessment {
  const { position, chain, spot, nowMs, config, calendar } = input;
  const { date, time } = istDateTimeOf(nowMs);
  const years = yearsLeft(calendar, position.expiry, nowMs);
  const open = position.legs.filter((l) => l.quantity !== 0);
  const legs: LegMark[] = open.map((leg) => {
    const row = chain.strikes.find((r) => r.strike === leg.strike);
    const side = leg.optionType === 'CE' ? row?.call : row?.put;
    if (!side) throw new DomainError('INVALID_ARGUMENT', `no quote for ${leg.strike} ${leg.optionType} ${position.expiry}`);
    const mark = markPrice(side);
    const [priced] = priceChain({ spot, years, rate: config.riskFreeRate, dividendYield: config.dividendYield, options: [{ strike: leg.strike, type: leg.optionType, price: mark }] });
    const intrinsicDelta = leg.optionType === 'CE' ? (spot > leg.strike ? 1 : 0) : spot < leg.strike ? -1 : 0;
    const greeks = priced.status === 'OK' ? priced.greeks : null;
    return { ...leg, markPrice: mark, iv: priced.status === 'OK' ? priced.iv : null, greeks, delta: greeks ? greeks.delta : intrinsicDelta };
  });
  const net = netDelta(legs.map((l) => ({ quantity: l.quantity, delta: l.delta, type: l.optionType, strike: l.strike })));
  const premiumCollectedPaise = legs.reduce((s, l) => s + notionalPaise(l.averagePrice, Math.abs(l.quantity)), 0);
  const costToClosePaise = legs.reduce((s, l) => s + notionalPaise(l.markPrice, Math.abs(l.quantity)), 0);
  const exit = strangleExitDecision({
    premiumCollectedPaise,
    costToClosePaise,
    today: date,
    now: time,
    expiryDate: position.expiry,
    isTradingDay: calendar.isTradingDay(date),
    targetPct: config.targetPct,
    stopLossPct: config.stopLossPct,
    perPositionStopPaise: config.perPositionStopPaise,
    eodTime: config.eodTime,
    eodMinProfitPct: config.eodMinProfitPct,
  });
  const deltaLegs = legs.map((l) => ({ type: l.optionType, strike: l.strike, quantity: l.quantity, delta: l.delta }));
  const crossed = Math.abs(net) > config.deltaThreshold;
  const advice = deltaAdjustmentAdvice({ netDelta: net, threshold: config.deltaThreshold, legs: deltaLegs, chain: crossed ? chainDeltas(chain, spot, years, config) : undefined, spot });
  return { atMs: nowMs, date, time, spot, expiry: position.expiry, yearsToExpiry: years, legs, netDelta: net, premiumCollectedPaise, costToClosePaise, exit, advice };
}
