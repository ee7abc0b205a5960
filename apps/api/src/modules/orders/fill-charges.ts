import type { BrokerTrade } from '@mcube/domain';

/**
 * Charges (paise) a broker reported with a trade (`BrokerTrade.charges`): the paper broker
 * computes every fill's from the domain cost model (`tradeCharges`: STT, exchange, SEBI, stamp,
 * GST, brokerage). A live broker reports none per trade (its contract note comes later): 0. A
 * total that is not whole, non-negative paise (a corrupt stored paper book) also counts as 0.
 */
export function reportedChargesPaise(trade: BrokerTrade): number {
  const total = trade.charges?.totalPaise;
  return total !== undefined && Number.isSafeInteger(total) && total >= 0 ? total : 0;
}
