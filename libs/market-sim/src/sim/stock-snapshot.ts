import type { FnoStockSnapshot } from '@mcube/domain';
import type { StockState } from './stocks-factor-model';

/**
 * A stock's screen row now: price and change from the previous close, turnover traded so far
 * (`progress` of the day's planned turnover), near-month futures OI built up towards today's
 * target, and its change from the previous close.
 */
export function stockSnapshot(st: StockState, progress: number): FnoStockSnapshot {
  const lot = st.spec.lotSize;
  const oi = Math.round((st.futOiPrevClose + (st.futOiTarget - st.futOiPrevClose) * progress) / lot) * lot;
  return {
    symbol: st.spec.symbol,
    sector: st.spec.sector,
    lastPrice: Math.round(st.price * 20) / 20,
    changePct: (st.price / st.prevClose - 1) * 100,
    turnoverRupees: Math.round(st.dayTurnoverTarget * progress),
    futuresOpenInterest: oi,
    futuresOiChangePct: (oi / st.futOiPrevClose - 1) * 100,
  };
}
