import type { BrokerTrade } from '@mcube/domain';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { QuoteBoard } from '../orders/quote-board.fake';
import { type GatewayHarness, strangleEntry } from '../orders/gateway-harness';
import { simQuotes } from '../orders/sim-contract-quotes';

/** A trade as a broker reports it, with its charges when `chargesPaise` is given (the paper broker reports them; a live one does not). */
function reported(trade: BrokerTrade, chargesPaise?: number): BrokerTrade {
  return chargesPaise === undefined ? trade : ({ ...trade, charges: { totalPaise: chargesPaise } } as BrokerTrade);
}

/** Sells 650 CE and 650 PE through the gateway at `ce` / `pe` rupees and fills both; returns the position id. */
export async function openStrangle(g: GatewayHarness, prices: { ce: number; pe: number }, opts: { chargesPaise?: number } = {}, accountId = g.account.id): Promise<number> {
  const base = strangleEntry(accountId);
  const entry = await g.orders.submitEntry({ ...base, legs: [{ ...base.legs[0], limitPrice: prices.ce }, { ...base.legs[1], limitPrice: prices.pe }] });
  if (entry.positionId === null) throw new Error(`entry denied: ${JSON.stringify(entry.denial)}`);
  const positionId = entry.positionId;
  const [call, put] = entry.legs;
  await g.fills.apply('PAPER', reported(g.broker.fill(call.intentId), opts.chargesPaise));
  await g.fills.apply('PAPER', reported(g.broker.fill(put.intentId), opts.chargesPaise));
  return positionId;
}

/** Sets the last mark of each leg (rupees). */
export async function markLegs(g: GatewayHarness, positionId: number, prices: { ce: number; pe: number }): Promise<void> {
  for (const leg of await g.dataSource.getRepository(PositionLeg).find({ where: { positionId } })) {
    await g.dataSource.getRepository(PositionLeg).update(leg.id, { lastPricePaise: Math.round((leg.instrumentType === 'CE' ? prices.ce : prices.pe) * 100) });
  }
}

/** Buys both legs back through the gateway (manual exit) and fills them at `ce` / `pe` rupees. Fills report no charges unless `chargesPaise` is given. */
export async function closeStrangle(g: GatewayHarness, positionId: number, prices: { ce: number; pe: number }, opts: { chargesPaise?: number } = {}): Promise<void> {
  await markLegs(g, positionId, prices);
  const { exits } = await new ManualExitService(g.dataSource, g.orders, simQuotes(new QuoteBoard()), g.clock).exit(positionId, 'test exit');
  for (const e of exits) {
    const order = g.broker.orders.find((o) => o.request.clientOrderId === e.intentId);
    if (!order) throw new Error(`exit ${e.intentId} did not reach the broker: ${JSON.stringify(e.denial)}`);
    await g.fills.apply('PAPER', reported(g.broker.fill(e.intentId, undefined, order.request.instrument.optionType === 'CE' ? prices.ce : prices.pe), opts.chargesPaise));
  }
}
