import { tradeCharges } from '../costs/trade-charges';
import { DomainError } from '../errors/domain-error';
import { notionalPaise, type Paise } from '../money/paise';
import type { IsoDate } from '../time/ist-date';
import { assertInteger, assertNonNegative, assertPositive } from '../validation/assert';

/** Inputs of {@link strangleRoundTrip}. Prices in points (rupees per unit). */
export interface StrangleRoundTripInput {
  /** Trade date: picks the dated charge rates (DECISIONS §2). */
  readonly date: IsoDate;
  readonly lotSize: number;
  /** Call + put premium collected at entry, points (split evenly between the legs). */
  readonly combinedPremium: number;
  /** Share of the premium captured at the target, percent (70). */
  readonly targetPct: number;
  /**
   * Price given up to the market on each of the four fills (sell CE, sell PE at entry; buy
   * both back at exit), points per unit: the half-spread a TOUCH limit crosses plus slippage.
   */
  readonly executionCostPerFill: number;
  /** Brokerage per executed order, paise (Kotak Neo API: 0). */
  readonly brokeragePerOrderPaise: Paise;
}

/** One strangle lot taken to its profit target and back, paise. */
export interface StrangleRoundTrip {
  /** What the target captures: targetPct × premium × lot size. */
  readonly targetPaise: Paise;
  /** STT, exchange, SEBI, stamp and GST of the four trades, plus brokerage. */
  readonly chargesPaise: Paise;
  /** Four fills × executionCostPerFill × lot size. */
  readonly executionPaise: Paise;
  readonly costPaise: Paise;
}

/**
 * The economics of one strangle lot that reaches its target: two sells at entry (half the
 * premium each), two buy-backs at (100 − targetPct)% of it, each with the dated statutory
 * charges of `tradeCharges`, brokerage per order, and an execution cost per fill.
 * @throws DomainError INVALID_ARGUMENT for a non-positive lot size or premium, a target
 * outside (0, 100], a negative cost; UNKNOWN_DATE before the charge tables.
 */
export function strangleRoundTrip(input: StrangleRoundTripInput): StrangleRoundTrip {
  const { date, lotSize, combinedPremium, targetPct, executionCostPerFill, brokeragePerOrderPaise } = input;
  assertInteger('lotSize', lotSize, { min: 1 });
  assertPositive('combinedPremium', combinedPremium);
  assertNonNegative('executionCostPerFill', executionCostPerFill);
  assertInteger('brokeragePerOrderPaise', brokeragePerOrderPaise, { min: 0 });
  if (!(targetPct > 0 && targetPct <= 100)) throw new DomainError('INVALID_ARGUMENT', `targetPct is a percent in (0, 100], got ${targetPct}`);
  const legEntry = Math.round((notionalPaise(combinedPremium, lotSize) / 2));
  const legExit = Math.round((legEntry * (100 - targetPct)) / 100);
  const charges = (side: 'BUY' | 'SELL', turnoverPaise: number) => tradeCharges({ date, segment: 'OPT', side, turnoverPaise, brokeragePaise: brokeragePerOrderPaise }).totalPaise;
  const chargesPaise = 2 * charges('SELL', legEntry) + 2 * charges('BUY', legExit);
  const executionPaise = 4 * notionalPaise(executionCostPerFill, lotSize);
  const targetPaise = Math.floor((notionalPaise(combinedPremium, lotSize) * targetPct) / 100);
  return { targetPaise, chargesPaise, executionPaise, costPaise: chargesPaise + executionPaise };
}

/**
 * The smallest combined premium, in whole points, whose target captures at least `coverage`
 * times the round-trip cost of {@link strangleRoundTrip} (a trade worth taking after costs).
 * Searches up to 1,000 points. @throws DomainError INVALID_ARGUMENT for coverage < 1 or when
 * no premium up to 1,000 points is enough.
 */
export function minCombinedPremiumFor(input: Omit<StrangleRoundTripInput, 'combinedPremium'> & { readonly coverage: number }): number {
  if (!(input.coverage >= 1)) throw new DomainError('INVALID_ARGUMENT', `coverage must be ≥ 1, got ${input.coverage}`);
  for (let points = 1; points <= 1000; points++) {
    const r = strangleRoundTrip({ ...input, combinedPremium: points });
    if (r.targetPaise >= input.coverage * r.costPaise) return points;
  }
  throw new DomainError('INVALID_ARGUMENT', 'no combined premium up to 1,000 points covers the costs');
}
