import { Execution } from '../../src/modules/orders/entities/execution.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { enterStrangle, strangleLeg } from './gateway-harness';
import { PaperGatewayHarness, quoteSymbol, startPaperGateway } from './paper-gateway-harness';

const CALL = strangleLeg(1).instrument;
const CALL_SYMBOL = quoteSymbol(CALL);

/**
 * Paper fills carry their charges from the domain cost model into the executions, and the
 * position's realised P&L is net of them (issue #5). Figures by hand, 2026-03-10 rates
 * (STT 0.10% sell, NSE 0.03553%, SEBI ₹10/crore, stamp 0.003% buy, GST 18%; Kotak brokerage ₹0).
 */
describe('charges of paper fills', () => {
  let g: PaperGatewayHarness;

  beforeEach(async () => {
    g = await startPaperGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('stores each fill’s charges in paise and nets them off the position’s realised P&L', async () => {
    const entry = await enterStrangle(g.orders, g.account.id);
    // The put is canceled unfilled: the position is the call alone.
    await g.cancel.cancel(entry.put.orderIds[0]);
    await g.trade([{ symbol: CALL_SYMBOL, lastPrice: 120.5, bid: 120.5, ask: 121 }]);
    const positionId = entry.positionId as number;
    await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', limitPrice: 100, positionId }));
    await g.trade([{ symbol: CALL_SYMBOL, lastPrice: 100, bid: 99.5, ask: 100 }]);

    const executions = await g.dataSource.getRepository(Execution).find({ order: { id: 'ASC' } });
    // SELL 650 @ ₹120.50 = 78,32,500 paise: STT 7,833 + NSE 2,783 + SEBI 8 + GST 502 (18% of 2,791) = 11,126.
    // BUY 650 @ ₹100 = 65,00,000 paise: NSE 2,309 + SEBI 7 + stamp 195 + GST 417 (18% of 2,316) = 2,928.
    expect(executions.map((e) => [e.side, e.quantity, e.pricePaise, e.chargesPaise])).toEqual([
      ['SELL', 650, 12050, 11126],
      ['BUY', 650, 10000, 2928],
    ]);
    const [leg] = await g.dataSource.getRepository(PositionLeg).find({ where: { positionId } });
    // The leg keeps the gross price difference: (120.50 − 100) × 650 = ₹13,325.
    expect(leg.realizedPnlPaise).toBe(13_32_500);
    const position = await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
    expect(position).toMatchObject({ status: 'CLOSED', realizedPnlPaise: 13_32_500 - 11_126 - 2_928 });
    // The paper broker's own book agrees: same charges, same net realised P&L.
    const [paperPosition] = g.paper.snapshot().positions;
    expect(paperPosition).toMatchObject({ netQuantity: 0, chargesPaise: 11_126 + 2_928 });
    expect(paperPosition.realisedPaise - paperPosition.chargesPaise).toBe(position.realizedPnlPaise);
  });
});
