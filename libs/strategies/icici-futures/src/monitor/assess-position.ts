import { compareTimes, istDateTimeOf, type FuturesDirection, type IsoDate, type NseCalendar, type Paise } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesPositionState, FuturesRiskLevels } from '../ports/futures-account.port';
import type { FuturesTouch } from '../ports/futures-market.port';

/** Why a futures position exits. */
export type FuturesExitCode = 'STOP_LOSS_HIT' | 'TARGET_HIT' | 'PRE_EXPIRY_CLOSE' | 'PRE_EXPIRY_ROLL' | 'EOD_MIN_PROFIT_MET';
/** Why it is held. */
export type FuturesHoldCode = 'NO_EXIT_CONDITION' | 'EOD_HOLD_BELOW_MIN_PROFIT';

/** The exit rule's answer. `alert`: a person should hear about it (a stop, a pre-expiry close, an overnight hold). */
export interface FuturesExitDecision {
  readonly action: 'EXIT' | 'HOLD';
  readonly code: FuturesExitCode | FuturesHoldCode;
  readonly reason: string;
  readonly alert: boolean;
}

/** One valuation of the open position with the exit decision and every figure behind it. */
export interface FuturesAssessment {
  readonly date: IsoDate;
  readonly time: string;
  readonly direction: FuturesDirection;
  readonly quantity: number;
  readonly averagePrice: number;
  readonly price: number;
  readonly priceSource: string;
  readonly stopLoss: number;
  readonly target: number;
  readonly pnlPaise: Paise;
  /** Profit per unit as a percent of the distance from the average to the target (negative when losing). */
  readonly profitPctOfTarget: number;
  /** The last `preExpiryTradingDays` trading days of the contract (expiry day included). */
  readonly preExpiryDays: readonly IsoDate[];
  readonly exit: FuturesExitDecision;
}

/** The last `count` trading days up to and including `expiry`, oldest first. */
export function lastTradingDaysOf(calendar: NseCalendar, expiry: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = expiry; out.length < count; d = calendar.previousTradingDay(d)) if (calendar.isTradingDay(d)) out.push(d);
  return out.reverse();
}

/**
 * Plan §1/§3 exit discipline for the open futures position, first match wins:
 * stop hit (LONG price ≤ stop, SHORT ≥) → EXIT; target hit → EXIT; inside the last
 * `preExpiryTradingDays` trading days of the contract → EXIT at once (CLOSE or ROLL per the
 * setting), and at/after `eodTime` on the trading day before them → EXIT (nothing is carried
 * into them); at/after `eodTime` → EXIT only when profit ≥ `eodMinProfitPct` of the target
 * distance, else HOLD with a warning; otherwise HOLD. Pure.
 */
export function assessFuturesPosition(input: {
  position: FuturesPositionState;
  levels: FuturesRiskLevels;
  touch: FuturesTouch;
  nowMs: number;
  calendar: NseCalendar;
  config: IciciFuturesConfig;
}): FuturesAssessment {
  const { position, levels, touch, calendar, config: c } = input;
  const { date, time } = istDateTimeOf(input.nowMs);
  const long = position.direction === 'LONG';
  const price = touch.lastPrice;
  const sign = long ? 1 : -1;
  const pnlPaise = (Math.round(price * 100) - Math.round(position.averagePrice * 100)) * position.quantity * sign;
  const targetDistance = Math.abs(levels.target - position.averagePrice);
  const profitPctOfTarget = targetDistance > 0 ? (((price - position.averagePrice) * sign) / targetDistance) * 100 : 0;
  const preExpiryDays = c.preExpiryTradingDays > 0 ? lastTradingDaysOf(calendar, position.expiry, c.preExpiryTradingDays) : [];
  const afterEod = compareTimes(time, c.eodTime) >= 0;
  const rollCode: FuturesExitCode = c.preExpiryAction === 'ROLL' ? 'PRE_EXPIRY_ROLL' : 'PRE_EXPIRY_CLOSE';
  const decide = (): FuturesExitDecision => {
    if (long ? price <= levels.stopLoss : price >= levels.stopLoss) {
      return { action: 'EXIT', code: 'STOP_LOSS_HIT', alert: true, reason: `${position.underlying} ${price} reached the stop ${levels.stopLoss}` };
    }
    if (long ? price >= levels.target : price <= levels.target) {
      return { action: 'EXIT', code: 'TARGET_HIT', alert: false, reason: `${position.underlying} ${price} reached the target ${levels.target}` };
    }
    if (preExpiryDays.length > 0 && date >= preExpiryDays[0]) {
      return { action: 'EXIT', code: rollCode, alert: true, reason: `${date} is inside the last ${c.preExpiryTradingDays} trading days before expiry ${position.expiry}: ${c.preExpiryAction === 'ROLL' ? 'roll' : 'close'} now` };
    }
    if (preExpiryDays.length > 0 && afterEod && calendar.nextTradingDay(date) === preExpiryDays[0]) {
      return { action: 'EXIT', code: rollCode, alert: true, reason: `the next session begins the last ${c.preExpiryTradingDays} trading days before expiry ${position.expiry}: ${c.preExpiryAction === 'ROLL' ? 'roll' : 'close'} at EOD` };
    }
    if (afterEod) {
      const pctText = `${profitPctOfTarget.toFixed(1)}% of the target distance`;
      if (profitPctOfTarget >= c.eodMinProfitPct) return { action: 'EXIT', code: 'EOD_MIN_PROFIT_MET', alert: false, reason: `EOD: profit ${pctText} ≥ ${c.eodMinProfitPct}%` };
      return { action: 'HOLD', code: 'EOD_HOLD_BELOW_MIN_PROFIT', alert: true, reason: `EOD: profit ${pctText} < ${c.eodMinProfitPct}%: held overnight` };
    }
    return { action: 'HOLD', code: 'NO_EXIT_CONDITION', alert: false, reason: `${position.underlying} ${price} between stop ${levels.stopLoss} and target ${levels.target}` };
  };
  return {
    date,
    time,
    direction: position.direction,
    quantity: position.quantity,
    averagePrice: position.averagePrice,
    price,
    priceSource: touch.source,
    stopLoss: levels.stopLoss,
    target: levels.target,
    pnlPaise,
    profitPctOfTarget,
    preExpiryDays,
    exit: decide(),
  };
}
