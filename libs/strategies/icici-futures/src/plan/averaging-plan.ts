import { averagingDecision, futuresStopAndTarget, mulDivPaise, notionalPaise, type AveragingDecision, type Paise } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesAccountMargin, FuturesPositionState, FuturesRiskLevels } from '../ports/futures-account.port';

/** The cap that reduced an averaging order below the domain rule's lots, if any. */
export type AveragingCap = 'POSITION_EXPOSURE' | 'TOTAL_EXPOSURE' | 'PER_TRADE_RISK';

/** What averaging would do now. AVERAGE means: ask a person (never an order by itself). */
export interface AveragingAssessment {
  readonly action: 'AVERAGE' | 'HOLD';
  readonly decision: AveragingDecision;
  readonly lots: number;
  readonly quantity: number;
  /** Lots each of the gateway's caps allows for this order (so the request is never one the gateway would deny). */
  readonly lotsAllowedBy: Readonly<Record<AveragingCap, number>>;
  readonly cappedBy: AveragingCap | null;
  readonly price: number;
  readonly marginPaise: Paise;
  readonly exposurePaise: Paise;
  readonly riskPaise: Paise;
  readonly newAveragePrice: number | null;
  readonly newStopLoss: number | null;
  readonly newTarget: number | null;
  readonly reason: string;
}

const floorDiv = (a: number, b: number) => (b > 0 ? Math.max(0, Math.floor(a / b)) : 0);

/**
 * Averaging of DECISIONS.md §1 (`averagingDecision`: attempts, 1% trigger against the average,
 * 20/50/50% of the then-available margin, the original quantity in whole lots, stop re-set
 * `averagedStopLossPct` from the new average), then reduced to what the gateway would accept:
 * the position exposure cap, the total exposure cap, and the per-trade risk of the added
 * quantity at the new stop distance. The target moves `targetPct` from the new average when
 * `retargetAfterAveraging`. HOLD when averaging is disabled, and when the re-set stop would
 * already be reached at the current price (an order the stop rule would close at once). Pure.
 */
export function assessAveraging(input: {
  position: FuturesPositionState;
  levels: FuturesRiskLevels;
  price: number;
  margin: FuturesAccountMargin;
  config: IciciFuturesConfig;
}): AveragingAssessment {
  const { position, levels, price, margin, config: c } = input;
  const marginPerLotPaise = Math.max(1, mulDivPaise(notionalPaise(price, position.lotSize), Math.round(c.futuresMarginFraction * 1e9), 1e9));
  const base = {
    direction: position.direction,
    averagePrice: position.averagePrice,
    currentPrice: price,
    openQuantity: position.quantity,
    lotSize: position.lotSize,
    attemptsMade: levels.averagingAttempts,
    maxAttempts: c.allowAveraging ? c.maxAverageAttempts : 0,
    availableMarginPaise: Math.max(0, margin.availablePaise),
    marginPerLotPaise,
    triggerPct: c.averageTriggerPct / 100,
    stopLossPct: c.averagedStopLossPct / 100,
    attemptCaps: c.averagingMarginCapFractions,
    tickSize: c.tickSize,
  };
  const first = averagingDecision({ ...base, originalQuantity: levels.originalQuantity });
  const lotNotional = notionalPaise(price, position.lotSize);
  const held = Math.max(notionalPaise(position.averagePrice, position.quantity), notionalPaise(price, position.quantity));
  const riskPerLot = Math.ceil(lotNotional * (c.averagedStopLossPct / 100));
  const lotsAllowedBy: Record<AveragingCap, number> = {
    POSITION_EXPOSURE: floorDiv(c.maxPositionExposurePaise - held, lotNotional),
    TOTAL_EXPOSURE: floorDiv(c.maxTotalExposurePaise - Math.max(margin.openExposurePaise, held), lotNotional),
    PER_TRADE_RISK: floorDiv(c.perTradeRiskPaise, riskPerLot),
  };
  const cappedBy = (Object.keys(lotsAllowedBy) as AveragingCap[]).reduce<AveragingCap | null>((worst, k) => (lotsAllowedBy[k] < first.lots && (worst === null || lotsAllowedBy[k] < lotsAllowedBy[worst]) ? k : worst), null);
  const lots = cappedBy ? lotsAllowedBy[cappedBy] : first.lots;
  // Reusing the domain rule with the reduced quantity as "original" gives its exact average and stop for those lots.
  const decision = cappedBy && lots > 0 ? averagingDecision({ ...base, originalQuantity: lots * position.lotSize }) : first;
  const hold = (reason: string): AveragingAssessment => ({
    action: 'HOLD',
    decision,
    lots: 0,
    quantity: 0,
    lotsAllowedBy,
    cappedBy,
    price,
    marginPaise: 0,
    exposurePaise: 0,
    riskPaise: 0,
    newAveragePrice: null,
    newStopLoss: null,
    newTarget: null,
    reason,
  });
  if (!c.allowAveraging) return hold('Averaging is switched off');
  if (first.action === 'HOLD') return hold(first.reason);
  if (lots === 0) return hold(`No averaging: ${first.lots} lot(s) by the margin rule, but the ${cappedBy} cap allows none`);
  const quantity = lots * position.lotSize;
  const newAveragePrice = decision.newAveragePrice as number;
  const newStopLoss = decision.newStopLoss as number;
  // DECISIONS §1 re-sets the stop from the new average; with the equal quantity at the 1% trigger and a
  // 0.5% stop that stop sits at the current price, so the order would be closed at once at a bigger loss.
  if (position.direction === 'LONG' ? price <= newStopLoss : price >= newStopLoss) {
    return hold(`No averaging: the stop re-set ${c.averagedStopLossPct}% from the new average ${newAveragePrice} would be ${newStopLoss}, already reached at ${price}: the position would be stopped out at once`);
  }
  const newTarget = c.retargetAfterAveraging
    ? futuresStopAndTarget({ entryPrice: newAveragePrice, direction: position.direction, stopLossPct: c.averagedStopLossPct / 100, targetPct: c.targetPct / 100, tickSize: c.tickSize }).target
    : levels.target;
  return {
    action: 'AVERAGE',
    decision,
    lots,
    quantity,
    lotsAllowedBy,
    cappedBy,
    price,
    marginPaise: marginPerLotPaise * lots,
    exposurePaise: lotNotional * lots,
    riskPaise: riskPerLot * lots,
    newAveragePrice,
    newStopLoss,
    newTarget,
    reason: cappedBy ? `${decision.reason} Reduced from ${first.lots} lot(s) by the ${cappedBy} cap.` : decision.reason,
  };
}
