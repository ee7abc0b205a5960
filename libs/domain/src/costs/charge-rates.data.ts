import { IsoDate } from '../time/ist-date';

/** An exact rate `num / den` (0.15% = 15 / 10,000), applied in BigInt. */
export interface ExactRate {
  readonly num: number;
  readonly den: number;
}

/** Per-segment rates: options (on premium) and futures (on traded value). */
export interface SegmentRates {
  readonly OPT: ExactRate;
  readonly FUT: ExactRate;
}

/** The statutory and exchange charges in force from `effectiveFrom` until the next set. */
export interface ChargeRateSet {
  /** First IST date the set applies to. */
  readonly effectiveFrom: IsoDate;
  /** STT, sell side only. */
  readonly sttSell: SegmentRates;
  /** STT on exercised (in-the-money at expiry) long options, on the intrinsic value. */
  readonly sttExercise: ExactRate;
  /** NSE transaction charge incl. IPFT, both sides. */
  readonly exchange: SegmentRates;
  /** SEBI turnover fee, both sides. */
  readonly sebi: ExactRate;
  /** Stamp duty, buy side only. */
  readonly stampBuy: SegmentRates;
  /** GST on brokerage + exchange + SEBI charges. */
  readonly gst: ExactRate;
  /** Where the figures come from and what is approximate. */
  readonly note: string;
}

const r = (num: number, den: number): ExactRate => Object.freeze({ num, den });
const PCT = 100;

// Shared by every set: SEBI ₹10 per crore (= 1 / 10,00,000), stamp duty 0.003% options /
// 0.002% futures under the uniform Indian Stamp Act regime (in force since 2020-07-01),
// GST 18%.
const SEBI = r(1, 1_000_000);
const STAMP = Object.freeze({ OPT: r(3, 1000 * PCT), FUT: r(2, 1000 * PCT) });
const GST = r(18, PCT);
// NSE's flat "true to label" rates from 2024-10-01: options ₹35.03 per lakh of premium and
// futures ₹1.73 per lakh, plus IPFT ₹0.50 and ₹0.10 per lakh → 0.03553% and 0.00183%.
const NSE_FLAT = Object.freeze({ OPT: r(3553, 10_000_000), FUT: r(183, 10_000_000) });
// Before 2024-10-01 NSE charged by monthly turnover slab; we use the top-slab figures brokers
// commonly passed on incl. IPFT (options 0.05%, futures 0.002%). APPROXIMATE.
const NSE_SLAB_APPROX = Object.freeze({ OPT: r(5, 10_000), FUT: r(2, 100_000) });

/**
 * Dated charge rates (DECISIONS.md §2, public NSE/SEBI/Finance Act facts), oldest first.
 * A backtest on 2024 data uses the 2024 set. Sets before 2024-10-01 carry an approximate
 * NSE transaction charge (see each `note`); dates before 2016-06-01 have no set.
 */
export const CHARGE_RATE_SETS: readonly ChargeRateSet[] = Object.freeze([
  {
    effectiveFrom: '2016-06-01',
    sttSell: { OPT: r(5, 10_000), FUT: r(1, 10_000) }, // 0.05% / 0.01%
    sttExercise: r(125, 100_000), // 0.125% of intrinsic value
    exchange: NSE_SLAB_APPROX,
    sebi: SEBI,
    stampBuy: STAMP,
    gst: GST,
    note: 'STT 0.05% options / 0.01% futures (Finance Act 2016); NSE charge approximate (slab era); stamp duty uniform only from 2020-07-01 (earlier state rates not modelled)',
  },
  {
    effectiveFrom: '2023-04-01',
    sttSell: { OPT: r(625, 1_000_000), FUT: r(125, 1_000_000) }, // 0.0625% / 0.0125%
    sttExercise: r(125, 100_000),
    exchange: NSE_SLAB_APPROX,
    sebi: SEBI,
    stampBuy: STAMP,
    gst: GST,
    note: 'STT 0.0625% options / 0.0125% futures (Finance Act 2023); NSE charge approximate (slab era)',
  },
  {
    effectiveFrom: '2024-10-01',
    sttSell: { OPT: r(10, 10_000), FUT: r(2, 10_000) }, // 0.10% / 0.02%
    sttExercise: r(125, 100_000),
    exchange: NSE_FLAT,
    sebi: SEBI,
    stampBuy: STAMP,
    gst: GST,
    note: 'STT 0.10% options / 0.02% futures (Finance (No. 2) Act 2024); NSE flat rates incl. IPFT (DECISIONS §2)',
  },
  {
    effectiveFrom: '2026-04-01',
    sttSell: { OPT: r(15, 10_000), FUT: r(5, 10_000) }, // 0.15% / 0.05%
    sttExercise: r(15, 10_000), // 0.15% of intrinsic value
    exchange: NSE_FLAT,
    sebi: SEBI,
    stampBuy: STAMP,
    gst: GST,
    note: 'STT 0.15% options / 0.05% futures / 0.15% exercised (DECISIONS §2); NSE flat rates incl. IPFT',
  },
]);
