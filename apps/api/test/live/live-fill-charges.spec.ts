import { NIFTY_CALL, NIFTY_PUT } from '@mcube/brokers-kotak-neo/testing';
import { BROKERAGE_DEFAULTS, istDateTimeOf, notionalPaise, tradeCharges, type BrokerTrade } from '@mcube/domain';
import { Execution } from '../../src/modules/orders/entities/execution.entity';
import { fillCharges } from '../../src/modules/orders/fill-charges';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { startKotakLive, type KotakLiveHarness } from './kotak-live-harness';

const CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: NIFTY_CALL.expiry, strike: NIFTY_CALL.strike, optionType: 'CE' } as const;
const PUT = { underlying: 'NIFTY', kind: 'OPT', expiry: NIFTY_PUT.expiry, strike: 23_500, optionType: 'PE' } as const;

/** The cost model's charges of one execution row, computed here from the row alone (date, side, price, quantity). */
function modelCharges(e: Execution, segment: 'OPT' | 'FUT', brokeragePaise: number): number {
  return tradeCharges({ date: istDateTimeOf(e.occurredAt.getTime()).date, segment, side: e.side, turnoverPaise: (e.pricePaise * e.quantity), brokeragePaise }).totalPaise;
}

const trade = (over: Partial<BrokerTrade> = {}): BrokerTrade =>
  ({ tradeId: 'T1', brokerOrderId: 'B1', clientOrderId: 'c1', instrument: { underlying: 'NIFTY', kind: 'OPT' }, side: 'SELL', quantity: 65, price: 120.5, occurredAtMs: Date.UTC(2026, 7, 10, 4, 0), ...over }) as BrokerTrade;

describe('fillCharges: a live fill gets the dated cost model, a paper fill keeps what its broker reported', () => {
  it('ICICI options pay ₹20 brokerage on the first fill of an order only; Kotak none; futures none', () => {
    const first = fillCharges({ broker: 'ICICI', trade: trade(), instrumentType: 'CE', firstFillOfOrder: true });
    const later = fillCharges({ broker: 'ICICI', trade: trade(), instrumentType: 'CE', firstFillOfOrder: false });
    const kotak = fillCharges({ broker: 'KOTAK', trade: trade(), instrumentType: 'CE', firstFillOfOrder: true });
    expect(first.source).toBe('COST_MODEL');
    expect(first.chargesPaise - later.chargesPaise).toBe(BROKERAGE_DEFAULTS.ICICI.OPT + Math.round(BROKERAGE_DEFAULTS.ICICI.OPT * 0.18));
    expect(later.chargesPaise).toBe(kotak.chargesPaise);
    const turnover = notionalPaise(120.5, 65);
    expect(kotak.chargesPaise).toBe(tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'SELL', turnoverPaise: turnover }).totalPaise);
    // STT on the sell side makes it more than a few paise: a real figure, not a rounding.
    expect(kotak.chargesPaise).toBeGreaterThan(1000);
    const fut = fillCharges({ broker: 'ICICI', trade: trade({ price: 24_600, side: 'BUY' }), instrumentType: 'FUT', firstFillOfOrder: true });
    expect(fut.chargesPaise).toBe(tradeCharges({ date: '2026-08-10', segment: 'FUT', side: 'BUY', turnoverPaise: notionalPaise(24_600, 65) }).totalPaise);
  });

  it('a reported figure wins (the paper broker, or a broker API that gives one); a date outside the rate table gives 0 with the reason', () => {
    const reported = { ...trade(), charges: { totalPaise: 4321 } } as BrokerTrade;
    expect(fillCharges({ broker: 'KOTAK', trade: reported, instrumentType: 'CE', firstFillOfOrder: true })).toEqual({ chargesPaise: 4321, source: 'REPORTED' });
    const old = fillCharges({ broker: 'KOTAK', trade: trade({ occurredAtMs: Date.UTC(1990, 0, 2, 4, 0) }), instrumentType: 'CE', firstFillOfOrder: true });
    expect(old).toMatchObject({ chargesPaise: 0, source: 'NONE' });
    expect(old.problem).toMatch(/./);
  });
});

describe('live Kotak fills through the gateway carry charges: P&L is net, as on paper (fake Neo server)', () => {
  let h: KotakLiveHarness;
  beforeEach(async () => {
    h = await startKotakLive();
    await h.goLive();
  });
  afterEach(async () => h.close());

  it('every execution of an entry (one leg in two parts) and its exit has the cost model charges; the position realised P&L is gross minus all of them', async () => {
    const entry = await h.orders.submitEntry({
      accountId: h.account.id,
      legs: [
        { segment: 'NFO-OPT', instrument: CALL, side: 'SELL', quantity: 65, orderType: 'LIMIT', limitPrice: 120.5 },
        { segment: 'NFO-OPT', instrument: PUT, side: 'SELL', quantity: 65, orderType: 'LIMIT', limitPrice: 95 },
      ],
    });
    const [call, put] = entry.legs;
    h.server.fill({ tag: call.intentId });
    h.server.fill({ tag: put.intentId }, { quantity: 25 });
    h.server.fill({ tag: put.intentId });
    await h.settle.settleAccount(h.account.id);
    const positionId = call.positionId!;
    const exits = [];
    for (const [instrument, price] of [[CALL, 100], [PUT, 80]] as const) {
      const exit = await h.orders.submit({ accountId: h.account.id, segment: 'NFO-OPT', instrument, side: 'BUY', quantity: 65, orderType: 'LIMIT', limitPrice: price, purpose: 'EXIT', positionId });
      h.server.fill({ tag: exit.intentId });
      exits.push(exit);
    }
    await h.settle.settleAccount(h.account.id);

    const executions = await h.dataSource.getRepository(Execution).find({ where: { accountId: h.account.id }, order: { id: 'ASC' } });
    expect(executions.map((e) => [e.side, e.quantity])).toEqual([['SELL', 65], ['SELL', 25], ['SELL', 40], ['BUY', 65], ['BUY', 65]]);
    // Kotak Neo charges no brokerage (DECISIONS §2): the statutory charges only, per fill.
    for (const e of executions) {
      expect(e.chargesPaise).toBe(modelCharges(e, 'OPT', 0));
      expect(e.chargesPaise).toBeGreaterThan(0);
    }
    const gross = (120.5 - 100) * 65 * 100 + (95 - 80) * 65 * 100;
    const charges = executions.reduce((s, e) => s + e.chargesPaise, 0);
    const position = await h.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
    expect(position.status).not.toBe('ACTIVE');
    expect(position.realizedPnlPaise).toBe(Math.round(gross) - charges);
    expect(position.realizedPnlPaise).toBeLessThan(Math.round(gross));
  });
});
