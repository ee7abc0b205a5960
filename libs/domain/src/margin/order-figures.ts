import { DomainError } from '../errors/domain-error';
import { fractionOfPaise, notionalPaise, type Paise } from '../money/paise';
import type { OrderSide } from '../orders/order-types';
import type { IntentInstrument } from '../risk/order-terms';
import type { IsoDate } from '../time/ist-date';
import { assertInteger, assertPositive } from '../validation/assert';
import { marginRatesOn } from './margin-rates';
import { INDEX_UNDERLYINGS, type MarginRateSet } from './margin-rates.data';
import { roughShortOptionMarginPaise } from './short-option-margin';

/** One leg of an order as the figures see it. */
export interface FigureLeg {
  readonly instrument: IntentInstrument;
  readonly side: OrderSide;
  /** Units (lots × lot size). */
  readonly quantity: number;
  /** Rupees: the limit the leg is sent at. */
  readonly limitPrice: number;
}

/** How far a position may run against it before its stop closes it (the planned loss). */
export interface OrderStopModel {
  /** A short option is stopped when its loss reaches this fraction of its premium (1 = 100%, the strangle rule). */
  readonly shortOptionStopFraction: number;
  /** A futures position is stopped this fraction from its entry price (0.005 = 0.5%). */
  readonly futuresStopFraction: number;
  /** A stop that closes the whole position at this loss whatever the premium (Kotak ₹1 L), paise. */
  readonly perPositionStopPaise?: Paise;
}

/** Inputs of {@link orderFigures}. */
export interface OrderFiguresInput {
  readonly legs: readonly FigureLeg[];
  /** Trade date (IST): picks the dated margin rates and the expiry-day extra. */
  readonly date: IsoDate;
  /** Underlying level (points) by underlying; a short option needs its underlying's. */
  readonly spots: Readonly<Record<string, number>>;
  readonly stops: OrderStopModel;
  /** Margin-rate table override (oldest first). */
  readonly rates?: readonly MarginRateSet[];
}

/** What an order adds to an account, paise. */
export interface OrderFigures {
  /** Margin it blocks (the dated rough model of DECISIONS §2). */
  readonly marginPaise: Paise;
  /** Loss at its stop (per-trade risk). */
  readonly riskPaise: Paise;
  /** Notional it adds: underlying value of a short option, premium of a long one, contract value of a future. */
  readonly exposurePaise: Paise;
  /** Underlyings whose spot a short option needed and `spots` lacked: its margin is then unknown (not counted). */
  readonly missingSpots: readonly string[];
}

function spotOf(spots: OrderFiguresInput['spots'], underlying: string): number | undefined {
  const s = spots[underlying];
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? s : undefined;
}

/**
 * Margin, risk and exposure of an order that OPENS or GROWS a position (one leg, or every leg
 * of a multi-leg entry), from the order alone: never from a caller's estimate.
 * - Margin (DECISIONS §2, dated): a short option ≈ 12% of the underlying's notional (spot ×
 *   units) plus 2% on its expiry day; a long option its premium; a future 12% (index) or 20%
 *   (stock) of its contract value. No offsets between legs: a strangle blocks both.
 * - Risk: a short option loses `shortOptionStopFraction` of its premium at its stop, a long
 *   option at most its premium, a future `futuresStopFraction` of its value; the sum is capped
 *   by `perPositionStopPaise` when the account has one (the stop closes the whole position).
 * - Exposure: as above (a short option's underlying notional uses the strike when spot is missing).
 * Rounded down to the paisa.
 * @throws DomainError INVALID_ARGUMENT for a non-positive quantity or price, a fraction outside
 * [0, 1], or an option without a strike; UNKNOWN_DATE before the rate table.
 */
export function orderFigures(input: OrderFiguresInput): OrderFigures {
  const rates = marginRatesOn(input.date, input.rates);
  const { stops } = input;
  for (const [name, v] of [['shortOptionStopFraction', stops.shortOptionStopFraction], ['futuresStopFraction', stops.futuresStopFraction]] as const) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new DomainError('INVALID_ARGUMENT', `${name} is a fraction in [0, 1], got ${v}`);
  }
  let marginPaise = 0;
  let riskPaise = 0;
  let exposurePaise = 0;
  const missing = new Set<string>();
  for (const leg of input.legs) {
    const { instrument, quantity, limitPrice } = leg;
    assertInteger('quantity', quantity, { min: 1 });
    assertPositive('limitPrice', limitPrice);
    const value = notionalPaise(limitPrice, quantity);
    if (instrument.kind === 'FUT') {
      const fraction = INDEX_UNDERLYINGS.includes(instrument.underlying) ? rates.indexFuturesFraction : rates.stockFuturesFraction;
      marginPaise += fractionOfPaise(value, fraction);
      riskPaise += fractionOfPaise(value, stops.futuresStopFraction);
      exposurePaise += value;
      continue;
    }
    if (instrument.strike === undefined) throw new DomainError('INVALID_ARGUMENT', 'an option leg needs a strike');
    if (leg.side === 'BUY') {
      marginPaise += value;
      riskPaise += value;
      exposurePaise += value;
      continue;
    }
    const spot = spotOf(input.spots, instrument.underlying);
    exposurePaise += notionalPaise(spot ?? instrument.strike, quantity);
    riskPaise += fractionOfPaise(value, stops.shortOptionStopFraction);
    if (spot === undefined) {
      missing.add(instrument.underlying);
      continue;
    }
    marginPaise += roughShortOptionMarginPaise({
      spot,
      lotSize: quantity,
      lots: 1,
      shortLegs: 1,
      isExpiryDay: instrument.expiry === input.date,
      marginPct: rates.shortOptionFraction,
      expiryExtraPct: rates.expiryDayExtraFraction,
    });
  }
  if (stops.perPositionStopPaise !== undefined) riskPaise = Math.min(riskPaise, stops.perPositionStopPaise);
  return { marginPaise, riskPaise, exposurePaise, missingSpots: [...missing] };
}
