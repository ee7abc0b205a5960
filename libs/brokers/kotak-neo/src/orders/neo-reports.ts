import type { BrokerOrderReport, BrokerPosition, BrokerTrade } from '@mcube/domain';
import { malformed } from '../errors/kotak-neo.error';
import { brokerInstrumentOf } from '../instruments/kotak-instrument.lookup';
import type { KotakContract } from '../instruments/kotak-contract';
import type { NeoOrder, NeoPosition, NeoTrade } from '../parse/neo.types';
import { brokerStateOf } from './neo-order-state';
import { averagePricePaiseOf, netQuantityOf } from './neo-position-math';

/** A Kotak order as the port reports it (prices back to rupees from exact paise). */
export function orderReportOf(order: NeoOrder, contract: KotakContract): BrokerOrderReport {
  return {
    brokerOrderId: order.orderNo,
    ...(order.tag ? { clientOrderId: order.tag } : {}),
    instrument: brokerInstrumentOf(contract),
    side: order.side,
    quantity: order.quantity,
    ...(order.limitPricePaise !== undefined ? { limitPrice: order.limitPricePaise / 100 } : {}),
    state: brokerStateOf(order.status),
    filledQuantity: order.filledQuantity,
    ...(order.averagePricePaise !== undefined ? { averagePrice: order.averagePricePaise / 100 } : {}),
    ...(order.status === 'rejected' ? { rejectReason: order.rejectReason ?? 'rejected by Kotak' } : {}),
    updatedAtMs: order.updatedAtMs,
  };
}

/** One Kotak fill as the port's trade; the id joins order and fill numbers (unique per day). */
export function tradeReportOf(trade: NeoTrade, contract: KotakContract): BrokerTrade {
  return {
    tradeId: `${trade.orderNo}:${trade.fillId}`,
    brokerOrderId: trade.orderNo,
    ...(trade.tag ? { clientOrderId: trade.tag } : {}),
    instrument: brokerInstrumentOf(contract),
    side: trade.side,
    quantity: trade.quantity,
    price: trade.pricePaise / 100,
    occurredAtMs: trade.occurredAtMs,
  };
}

/** A non-flat position as the port's; NRML/MIS only (anything else in F&O is not ours to judge). */
export function positionReportOf(position: NeoPosition, contract: KotakContract): BrokerPosition {
  if (position.product !== 'NRML' && position.product !== 'MIS') throw malformed('positions', `product ${position.product} of ${position.tradingSymbol} is not NRML or MIS`);
  return {
    instrument: brokerInstrumentOf(contract),
    netQuantity: netQuantityOf(position),
    averagePrice: averagePricePaiseOf(position) / 100,
    product: position.product,
  };
}
