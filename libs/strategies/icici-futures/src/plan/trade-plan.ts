import {
  futuresPositionSize,
  futuresStopAndTarget,
  mulDivPaise,
  notionalPaise,
  riskRewardOk,
  usableMargin,
  type FuturesDirection,
  type FuturesPositionSize,
  type OrderSide,
  type Paise,
  type RiskRewardCheck,
} from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesAccountMargin } from '../ports/futures-account.port';
import type { FuturesContractInfo, FuturesTouch } from '../ports/futures-market.port';
import { limitPriceFor, priceBand } from './prices';

/** The sizing figures of a plan, paise. */
export interface PlanMargin extends FuturesAccountMargin {
  /** 50% (firstTradeFraction) of the headroom: what a first trade may use. */
  readonly usablePaise: Paise;
  /** Rough margin of one lot (futuresMarginFraction × lot notional). */
  readonly marginPerLotPaise: Paise;
}

/** How averaging would go for this entry (every averaging order still needs a person). */
export interface AveragingPreview {
  readonly enabled: boolean;
  readonly maxAttempts: number;
  /** Price at which attempt 1 would trigger (averageTriggerPct against the entry). */
  readonly firstTriggerPrice: number;
  readonly marginCapFractions: readonly number[];
  /** False when averaging can never happen: the stop is hit before the trigger, or the re-set stop at once after it. */
  readonly reachable: boolean;
}

/** A complete entry plan for one candidate. Prices rupees, amounts paise. */
export interface TradePlan {
  readonly contract: FuturesContractInfo;
  readonly direction: FuturesDirection;
  readonly side: OrderSide;
  readonly touch: FuturesTouch;
  readonly entryPrice: number;
  readonly priceBand: { readonly low: number; readonly high: number };
  readonly stopLoss: number;
  readonly target: number;
  readonly riskReward: RiskRewardCheck;
  readonly margin: PlanMargin;
  readonly size: FuturesPositionSize;
  /** Loss at the stop for the whole quantity, rounded up to the paisa. */
  readonly riskPaise: Paise;
  readonly averaging: AveragingPreview;
}

/** A plan, or why there is none. */
export type TradePlanOutcome =
  | { readonly ok: true; readonly plan: TradePlan }
  | { readonly ok: false; readonly code: 'RISK_REWARD_TOO_LOW' | 'NO_LOTS'; readonly reason: string; readonly plan: TradePlan };

/**
 * The trade plan of plan §3/§6 for a candidate: a LIMIT entry priced from the touch, stop
 * `stopLossPct` and target `targetPct` from it on the tick (reward:risk ≥ the minimum), size by
 * `futuresPositionSize` on the usable margin (firstTradeFraction of the headroom), the ₹60,000
 * risk, the exposure caps and leverage, whole lots; and the averaging preview. Pure.
 */
export function buildTradePlan(input: {
  contract: FuturesContractInfo;
  direction: FuturesDirection;
  touch: FuturesTouch;
  margin: FuturesAccountMargin;
  config: IciciFuturesConfig;
}): TradePlanOutcome {
  const { contract, direction, touch, margin, config: c } = input;
  const side: OrderSide = direction === 'LONG' ? 'BUY' : 'SELL';
  const tick = contract.tickSize > 0 ? contract.tickSize : c.tickSize;
  const entryPrice = limitPriceFor(touch, side, c.entryLimitMode, tick);
  const st = futuresStopAndTarget({ entryPrice, direction, stopLossPct: c.stopLossPct / 100, targetPct: c.targetPct / 100, tickSize: tick });
  const riskReward = riskRewardOk({ entryPrice, stopLoss: st.stopLoss, target: st.target, direction, minRatio: c.minRiskRewardRatio });
  const usablePaise = usableMargin({
    availableMarginPaise: margin.availablePaise,
    allocatedCapitalPaise: c.allocatedCapitalPaise,
    maxMarginUsagePct: c.maxMarginUsageFraction,
    marginInUsePaise: margin.inUsePaise,
    firstTradeFraction: c.firstTradeFraction,
  });
  const marginPerLotPaise = Math.max(1, mulDivPaise(notionalPaise(entryPrice, contract.lotSize), Math.round(c.futuresMarginFraction * 1e9), 1e9));
  const size = futuresPositionSize({
    usableMarginPaise: usablePaise,
    marginPerLotPaise,
    lotSize: contract.lotSize,
    price: entryPrice,
    stopLossPct: c.stopLossPct / 100,
    perTradeRiskPaise: c.perTradeRiskPaise,
    maxPositionExposurePaise: c.maxPositionExposurePaise,
    maxTotalExposurePaise: c.maxTotalExposurePaise,
    currentExposurePaise: margin.openExposurePaise,
    maxLeverage: c.maxLeverage,
    allocatedCapitalPaise: c.allocatedCapitalPaise,
  });
  const riskPaise = Math.max(size.riskPaise, Math.round(st.riskPerUnit * 100) * size.quantity);
  const trigger = c.averageTriggerPct / 100;
  const plan: TradePlan = {
    contract,
    direction,
    side,
    touch,
    entryPrice,
    priceBand: priceBand(entryPrice, c.priceBandPct, tick),
    stopLoss: st.stopLoss,
    target: st.target,
    riskReward,
    margin: { ...margin, usablePaise, marginPerLotPaise },
    size,
    riskPaise,
    averaging: {
      enabled: c.allowAveraging && c.maxAverageAttempts > 0,
      maxAttempts: c.allowAveraging ? c.maxAverageAttempts : 0,
      firstTriggerPrice: Math.round(entryPrice * (direction === 'LONG' ? 1 - trigger : 1 + trigger) * 100) / 100,
      marginCapFractions: c.averagingMarginCapFractions.slice(0, c.maxAverageAttempts),
      // The stop must lie beyond the trigger, and the stop re-set from the new average below the trigger price.
      reachable: c.stopLossPct > c.averageTriggerPct && c.averagedStopLossPct / 100 > trigger / 2 / (1 - trigger / 2),
    },
  };
  if (!riskReward.ok) return { ok: false, code: 'RISK_REWARD_TOO_LOW', reason: riskReward.reason, plan };
  if (size.lots === 0) return { ok: false, code: 'NO_LOTS', reason: size.reason, plan };
  return { ok: true, plan };
}
