import { DomainError } from '../errors/domain-error';
import { assertPaise, mulDivPaise, Paise } from '../money/paise';
import { IsoDate } from '../time/ist-date';
import { ChargeRateSet, ExactRate } from './charge-rates.data';
import { chargeRatesOn } from './charge-rates';

/** Options (charges on premium) or futures (on traded value). */
export type ChargeSegment = 'OPT' | 'FUT';
/** Side of the trade for charge purposes. */
export type ChargeSide = 'BUY' | 'SELL';

/** Every charge of one trade, paise. */
export interface TradeCharges {
  readonly brokeragePaise: Paise;
  readonly sttPaise: Paise;
  readonly exchangePaise: Paise;
  readonly sebiPaise: Paise;
  readonly stampPaise: Paise;
  readonly gstPaise: Paise;
  readonly totalPaise: Paise;
}

/** Inputs of {@link tradeCharges}. */
export interface TradeChargesInput {
  /** Trade date (IST): picks the dated rate set. */
  readonly date: IsoDate;
  readonly segment: ChargeSegment;
  readonly side: ChargeSide;
  /** Premium × quantity for options, price × quantity for futures, paise. */
  readonly turnoverPaise: Paise;
  /** Brokerage for the trade, paise (see `brokerageFor`); default 0. */
  readonly brokeragePaise?: Paise;
  /** Same as `brokeragePaise` (the name the order-path issue uses); give one or the other. */
  readonly brokerage?: Paise;
  /** Rate table override (oldest first); default the shipped table. */
  readonly rates?: readonly ChargeRateSet[];
}

const apply = (paise: Paise, rate: ExactRate): Paise => mulDivPaise(paise, rate.num, rate.den);

/**
 * Charges of one trade with the rates in force on its date (DECISIONS.md §2): STT on the
 * sell side; NSE transaction charge and SEBI fee on both sides; stamp duty on the buy
 * side; GST 18% on brokerage + exchange + SEBI. Rates are exact fractions applied in
 * BigInt; each component is rounded to the nearest paisa (half away from zero) on its own,
 * and GST is taken on the sum of the already-rounded brokerage, exchange and SEBI amounts.
 * (Contract notes may round STT to the rupee; reconcile against the broker's note.)
 *
 * @throws DomainError INVALID_ARGUMENT for negative or fractional paise or an unknown
 * segment/side; UNKNOWN_DATE / INVALID_DATE from the rate lookup.
 */
export function tradeCharges(input: TradeChargesInput): TradeCharges {
  const { date, segment, side, turnoverPaise } = input;
  if (input.brokerage !== undefined && input.brokeragePaise !== undefined && input.brokerage !== input.brokeragePaise) {
    throw new DomainError('INVALID_ARGUMENT', `brokerage (${input.brokerage}) and brokeragePaise (${input.brokeragePaise}) disagree`);
  }
  const brokeragePaise = input.brokeragePaise ?? input.brokerage ?? 0;
  assertPaise('turnoverPaise', turnoverPaise);
  assertPaise('brokeragePaise', brokeragePaise);
  if (turnoverPaise < 0 || brokeragePaise < 0) throw new DomainError('INVALID_ARGUMENT', 'turnover and brokerage must not be negative');
  if (segment !== 'OPT' && segment !== 'FUT') throw new DomainError('INVALID_ARGUMENT', `segment must be OPT or FUT, got ${String(segment)}`);
  if (side !== 'BUY' && side !== 'SELL') throw new DomainError('INVALID_ARGUMENT', `side must be BUY or SELL, got ${String(side)}`);
  const rates = chargeRatesOn(date, input.rates);

  const sttPaise = side === 'SELL' ? apply(turnoverPaise, rates.sttSell[segment]) : 0;
  const exchangePaise = apply(turnoverPaise, rates.exchange[segment]);
  const sebiPaise = apply(turnoverPaise, rates.sebi);
  const stampPaise = side === 'BUY' ? apply(turnoverPaise, rates.stampBuy[segment]) : 0;
  const gstPaise = apply(brokeragePaise + exchangePaise + sebiPaise, rates.gst);
  const totalPaise = brokeragePaise + sttPaise + exchangePaise + sebiPaise + stampPaise + gstPaise;
  return { brokeragePaise, sttPaise, exchangePaise, sebiPaise, stampPaise, gstPaise, totalPaise };
}
