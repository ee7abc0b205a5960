import type { FnoStockSnapshot } from '@mcube/domain';
import { stockFuturesOpenInterest } from './open-interest-profile';
import type { StockState } from './stocks-factor-model';

/**
 * A stock's screen row now: price and change from the previous close, turnover traded so far
 * (`progress` of the day's planned turnover), near-month futures OI following the day's
 * positioning and price move (`stockFuturesOpenInterest`), and its change from the previous close.
 */
export function stockSnapshot(st: StockState, progress: number): FnoStockSnapshot {
  const oi = stockFuturesOpenInterest({ previousClose: st.futOiPrevClose, drift: st.futOiDrift, sensitivity: st.futOiSensitivity, priceLogChange: Math.log(st.price / st.prevClose), progress, lotSize: st.spec.lotSize });
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
