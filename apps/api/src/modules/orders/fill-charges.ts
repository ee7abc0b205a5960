import type { BrokerTrade } from '@mcube/domain';

/**
 * Charges (paise) a broker reported with a trade: the paper broker computes every fill's from
 * the domain cost model (`tradeCharges`: STT, exchange, SEBI, stamp, GST, brokerage) and sends
 * them as `charges`. A live broker reports none per trade (its contract note comes later): 0.
 */
export function reportedChargesPaise(trade: BrokerTrade): number {
  const total = (trade as BrokerTrade & { charges?: { totalPaise?: unknown } }).charges?.totalPaise;
  return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : 0;
}
