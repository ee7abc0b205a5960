import { DomainError } from '../errors/domain-error';
import { atLeastFractionOf } from '../margin/exact-ratio';
import { assertPaise, Paise } from '../money/paise';
import { compareDates, compareTimes, IsoDate, IstTime } from '../time/ist-date';
import { assertNonNegative, assertPositive } from '../validation/assert';
import { KOTAK_STRANGLE_DEFAULTS } from './strangle.defaults';

/** Why {@link strangleExitDecision} decided as it did. */
export type StrangleExitCode =
  | 'TARGET_HIT'
  | 'STOP_LOSS_HIT'
  | 'POSITION_STOP_HIT'
  | 'EOD_MIN_PROFIT_MET'
  | 'EOD_HOLD_BELOW_MIN_PROFIT'
  | 'EXPIRY_DAY_CLOSE'
  | 'NO_EXIT_CONDITION';

/** Inputs of {@link strangleExitDecision}. Percent fields are percentages (70 = 70%). */
export interface StrangleExitInput {
  /** Premium received for the whole position (both legs, all lots), paise, > 0. */
  readonly premiumCollectedPaise: Paise;
  /** What buying both legs back costs now, paise, ≥ 0. */
  readonly costToClosePaise: Paise;
  readonly today: IsoDate;
  /** IST time now. */
  readonly now: IstTime;
  /** The contract's expiry date. */
  readonly expiryDate: IsoDate;
  /** False on a non-trading day: no EOD check. Default true. */
  readonly isTradingDay?: boolean;
  /** Default 70. */
  readonly targetPct?: number;
  /** Default 100. */
  readonly stopLossPct?: number;
  /** Default ₹1,00,000 in paise. */
  readonly perPositionStopPaise?: Paise;
  /** Default '15:15'. */
  readonly eodTime?: IstTime;
  /** Default 50. */
  readonly eodMinProfitPct?: number;
}

/** Result of {@link strangleExitDecision}. */
export interface StrangleExitDecision {
  readonly action: 'EXIT' | 'HOLD';
  readonly code: StrangleExitCode;
  readonly reason: string;
  /** True when a person should look now: a stop exit, or an EOD hold below the minimum profit. */
  readonly alert: boolean;
  /** premium − cost to close (negative = loss), paise. */
  readonly profitPaise: Paise;
}

/**
 * Exit rule of the short strangle, DECISIONS.md §1 "Strangle exit day" (exits relative to
 * the contract's expiry, not a weekday). Checked in this order:
 * 1. stop: loss ≥ stopLossPct% of premium (STOP_LOSS_HIT) or loss ≥ the per-position stop
 *    (POSITION_STOP_HIT); if both are breached the code names the lower threshold (the
 *    one hit first); exits at any time;
 * 2. target: profit ≥ targetPct% of premium (TARGET_HIT), at any time;
 * 3. expiry day at/after eodTime: EXIT whatever the profit (EXPIRY_DAY_CLOSE);
 * 4. trading day at/after eodTime: EXIT if profit ≥ eodMinProfitPct% (EOD_MIN_PROFIT_MET),
 *    else HOLD with `alert: true` (EOD_HOLD_BELOW_MIN_PROFIT);
 * 5. otherwise HOLD (NO_EXIT_CONDITION).
 * Comparisons are exact on integer paise (BigInt), so a boundary is met exactly.
 *
 * @throws DomainError for a non-positive premium, negative cost, bad percentages, a
 * malformed date/time, or `today` after the expiry (an expired contract is not held).
 */
export function strangleExitDecision(input: StrangleExitInput): StrangleExitDecision {
  const d = KOTAK_STRANGLE_DEFAULTS;
  const { premiumCollectedPaise: premium, costToClosePaise: cost, today, now, expiryDate } = input;
  const targetPct = input.targetPct ?? d.targetPct;
  const stopLossPct = input.stopLossPct ?? d.stopLossPct;
  const positionStop = input.perPositionStopPaise ?? d.perPositionStopPaise;
  const eodTime = input.eodTime ?? d.eodTime;
  const eodMinProfitPct = input.eodMinProfitPct ?? d.eodMinProfitPct;
  assertPaise('premiumCollectedPaise', premium);
  assertPaise('costToClosePaise', cost);
  assertPaise('perPositionStopPaise', positionStop);
  if (premium <= 0) throw new DomainError('INVALID_ARGUMENT', `premiumCollectedPaise must be > 0, got ${premium}`);
  if (cost < 0) throw new DomainError('INVALID_ARGUMENT', `costToClosePaise must not be negative, got ${cost}`);
  if (positionStop <= 0) throw new DomainError('INVALID_ARGUMENT', `perPositionStopPaise must be > 0, got ${positionStop}`);
  assertPositive('targetPct', targetPct);
  assertPositive('stopLossPct', stopLossPct);
  assertNonNegative('eodMinProfitPct', eodMinProfitPct);
  const afterExpiry = compareDates(today, expiryDate);
  if (afterExpiry > 0) {
    throw new DomainError('INVALID_ARGUMENT', `today ${today} is after the contract's expiry ${expiryDate}`, { today, expiryDate });
  }
  const atOrAfterEod = compareTimes(now, eodTime) >= 0;

  const profit = premium - cost;
  const loss = -profit;
  const pctOfPremium = (pct: number) => `${pct}% of premium ₹${(premium / 100).toFixed(2)}`;
  const money = (p: number) => `₹${(p / 100).toFixed(2)}`;

  const pctStopHit = loss > 0 && atLeastFractionOf(loss, stopLossPct / 100, premium);
  const posStopHit = loss >= positionStop;
  if (pctStopHit || posStopHit) {
    // Both breached: name the lower threshold, the one the loss crossed first.
    const pctFirst = pctStopHit && (!posStopHit || atLeastFractionOf(positionStop, stopLossPct / 100, premium));
    return pctFirst
      ? { action: 'EXIT', code: 'STOP_LOSS_HIT', alert: true, profitPaise: profit, reason: `Stop-loss: loss ${money(loss)} ≥ ${pctOfPremium(stopLossPct)}` }
      : { action: 'EXIT', code: 'POSITION_STOP_HIT', alert: true, profitPaise: profit, reason: `Per-position stop: loss ${money(loss)} ≥ ${money(positionStop)}` };
  }
  if (profit > 0 && atLeastFractionOf(profit, targetPct / 100, premium)) {
    return { action: 'EXIT', code: 'TARGET_HIT', alert: false, profitPaise: profit, reason: `Target: profit ${money(profit)} ≥ ${pctOfPremium(targetPct)}` };
  }
  if (afterExpiry === 0 && atOrAfterEod) {
    return {
      action: 'EXIT',
      code: 'EXPIRY_DAY_CLOSE',
      alert: false,
      profitPaise: profit,
      reason: `Expiry day ${expiryDate} at ${now} (≥ ${eodTime}): close whatever the profit (P&L ${money(profit)}); nothing is carried into settlement`,
    };
  }
  if ((input.isTradingDay ?? true) && atOrAfterEod) {
    if (profit >= 0 && atLeastFractionOf(profit, eodMinProfitPct / 100, premium)) {
      return { action: 'EXIT', code: 'EOD_MIN_PROFIT_MET', alert: false, profitPaise: profit, reason: `EOD: profit ${money(profit)} ≥ ${pctOfPremium(eodMinProfitPct)}` };
    }
    return {
      action: 'HOLD',
      code: 'EOD_HOLD_BELOW_MIN_PROFIT',
      alert: true,
      profitPaise: profit,
      reason: `EOD warning: profit ${money(profit)} below ${pctOfPremium(eodMinProfitPct)}; holding overnight until ${expiryDate}`,
    };
  }
  return { action: 'HOLD', code: 'NO_EXIT_CONDITION', alert: false, profitPaise: profit, reason: `No exit condition: P&L ${money(profit)}` };
}
