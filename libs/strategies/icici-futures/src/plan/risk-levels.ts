import { futuresStopAndTarget } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesPositionState, FuturesRiskLevels } from '../ports/futures-account.port';

/**
 * Stop and target of a freshly filled entry, from its actual average fill price (plan §3:
 * `stopLossPct` and `targetPct` from the entry, on the tick, stop towards the entry).
 */
export function levelsAfterEntry(position: FuturesPositionState, config: IciciFuturesConfig): FuturesRiskLevels {
  const st = futuresStopAndTarget({ entryPrice: position.averagePrice, direction: position.direction, stopLossPct: config.stopLossPct / 100, targetPct: config.targetPct / 100, tickSize: config.tickSize });
  return { stopLoss: st.stopLoss, target: st.target, averagingAttempts: 0, originalQuantity: position.quantity };
}

/**
 * Levels after an averaging fill (DECISIONS §1): the stop `averagedStopLossPct` from the new
 * average (on the tick, towards it), the target `targetPct` from it when
 * `retargetAfterAveraging` (else unchanged), one more attempt counted.
 */
export function levelsAfterAveraging(position: FuturesPositionState, previous: FuturesRiskLevels, config: IciciFuturesConfig): FuturesRiskLevels {
  const st = futuresStopAndTarget({ entryPrice: position.averagePrice, direction: position.direction, stopLossPct: config.averagedStopLossPct / 100, targetPct: config.targetPct / 100, tickSize: config.tickSize });
  return { stopLoss: st.stopLoss, target: config.retargetAfterAveraging ? st.target : previous.target, averagingAttempts: previous.averagingAttempts + 1, originalQuantity: previous.originalQuantity };
}
