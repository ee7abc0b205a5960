import { istDateTimeOf, tradeCharges } from '@mcube/domain';
import { DailyPnlService } from '../../src/modules/analytics/daily-pnl/daily-pnl.service';
import { periodPnlOf } from '../../src/modules/analytics/daily-pnl/period-pnl';
import { DailyPnl } from '../../src/modules/analytics/entities/daily-pnl.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Execution } from '../../src/modules/orders/entities/execution.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { riskPnlFacts } from '../../src/modules/risk/context/risk-pnl-facts';
import { TEST_DIALECTS } from '../db/test-database';
import { startGateway, type GatewayHarness } from '../orders/gateway-harness';
import { closeStrangle, markLegs, openStrangle } from './strangle-trades';

/** Charges of one option fill on 2026-03-10 with the shipped rates (Kotak: no brokerage). */
const optionCharges = (side: 'BUY' | 'SELL', rupees: number) => tradeCharges({ date: '2026-03-10', segment: 'OPT', side, turnoverPaise: Math.round(rupees * 100) * 650 }).totalPaise;

describe.each(TEST_DIALECTS)('daily P&L rows (%s)', (dialect) => {
  let g: GatewayHarness;
  let service: DailyPnlService;
  const today = () => istDateTimeOf(g.clock.nowMs()).date;
  const rowsOf = () => g.dataSource.getRepository(DailyPnl).find({ where: { accountId: g.account.id }, order: { tradeDate: 'ASC' } });

  beforeEach(async () => {
    g = await startGateway(dialect);
    service = new DailyPnlService(g.dataSource);
  });
  afterEach(async () => {
    await g.close();
  });

  it('books a position closed today at its gross P&L less the charges of all four fills, and nothing of an open one', async () => {
    const first = await openStrangle(g, { ce: 120.5, pe: 95 });
    g.clock.advance(30 * 60_000);
    await closeStrangle(g, first, { ce: 100, pe: 80 });
    expect(await g.dataSource.getRepository(Position).findOneByOrFail({ id: first })).toMatchObject({ status: 'CLOSED', realizedPnlPaise: (12050 - 10000) * 650 + (9500 - 8000) * 650 });
    expect(await g.dataSource.getRepository(Execution).count()).toBe(4);

    // A second strangle stays open, marked at a loss of ₹(130 − 120 + 100 − 90) × 650.
    g.clock.advance(30 * 60_000);
    const second = await openStrangle(g, { ce: 120, pe: 90 });
    await markLegs(g, second, { ce: 130, pe: 100 });
    await g.dataSource.getRepository(Position).update(second, { unrealizedPnlPaise: -(1000 + 1000) * 650 });

    const out = await service.recompute(g.account, today());
    const charges = optionCharges('SELL', 120.5) + optionCharges('SELL', 95) + optionCharges('BUY', 100) + optionCharges('BUY', 80);
    expect(charges).toBeGreaterThan(0);
    const realized = 23_07_500;
    expect(out.changed).toBe(true);
    const [row] = await rowsOf();
    expect(row).toMatchObject({
      tradeDate: '2026-03-10',
      realizedPnlPaise: realized,
      chargesPaise: charges,
      netPnlPaise: realized - charges,
      unrealizedPnlPaise: -13_00_000,
      tradesCount: 1,
      equityPaise: g.account.allocatedCapitalPaise + realized - charges - 13_00_000,
      peakEquityPaise: g.account.allocatedCapitalPaise + realized - charges - 13_00_000,
      drawdownPct: 0,
    });

    // The risk checks see the closed net once and the open P&L once (no double count).
    const active = await g.dataSource.getRepository(Position).findOneByOrFail({ id: second });
    const facts = riskPnlFacts({ date: today(), rows: await rowsOf(), allocatedCapitalPaise: g.account.allocatedCapitalPaise, activePosition: active });
    expect(facts.todayPaise).toBe(realized - charges - 13_00_000);
    expect(facts.equityPaise).toBe(row.equityPaise);
  });

  it('is idempotent: a redelivery finds the same figures and writes nothing', async () => {
    const id = await openStrangle(g, { ce: 120.5, pe: 95 });
    await closeStrangle(g, id, { ce: 150, pe: 95 });
    const first = await service.recompute(g.account, today());
    const [before] = await rowsOf();
    g.clock.advance(10_000);
    const again = await service.recompute(g.account, today());
    expect(again).toEqual({ ...first, changed: false });
    const after = await rowsOf();
    expect(after).toEqual([before]);
    expect(before.realizedPnlPaise).toBe(-(15000 - 12050) * 650);
  });

  it('uses the charges a broker reported with the fills (already off the position) instead of the estimate, counted once', async () => {
    const id = await openStrangle(g, { ce: 120.5, pe: 95 }, { chargesPaise: 12_34 });
    await closeStrangle(g, id, { ce: 100, pe: 80 }, { chargesPaise: 12_34 });
    expect((await g.dataSource.getRepository(Execution).find()).map((e) => e.chargesPaise)).toEqual([12_34, 12_34, 12_34, 12_34]);
    const { values } = await service.recompute(g.account, today());
    expect([values.realizedPnlPaise, values.chargesPaise, values.netPnlPaise]).toEqual([23_07_500, 4 * 12_34, 23_07_500 - 4 * 12_34]);
    // The position's own realised P&L is net of the reported charges: the same net, not charges twice.
    expect((await g.dataSource.getRepository(Position).findOneByOrFail({ id })).realizedPnlPaise).toBe(values.netPnlPaise);
  });

  it('keeps the equity peak of earlier days and reports the drawdown from it', async () => {
    const capital = g.account.allocatedCapitalPaise;
    await g.dataSource.getRepository(DailyPnl).insert({ accountId: g.account.id, tradeDate: '2026-03-06', netPnlPaise: 5_00_000_00, equityPaise: capital + 5_00_000_00, peakEquityPaise: capital + 5_00_000_00 });
    const id = await openStrangle(g, { ce: 120.5, pe: 95 });
    await closeStrangle(g, id, { ce: 220.5, pe: 95 }); // −₹65,000 gross
    const { values } = await service.recompute(g.account, today());
    expect(values.peakEquityPaise).toBe(capital + 5_00_000_00);
    expect(values.equityPaise).toBe(capital + 5_00_000_00 - 65_000_00 - values.chargesPaise);
    expect(values.drawdownPct).toBeCloseTo((65_000_00 + values.chargesPaise) / (capital + 5_00_000_00), 12);
  });

  it('sums the ISO week from Monday and the calendar month, with the open P&L in each', async () => {
    const rows = [
      { tradeDate: '2026-02-27', netPnlPaise: 7_000_00 }, // last month
      { tradeDate: '2026-03-06', netPnlPaise: 10_000_00 }, // this month, last week (Friday)
      { tradeDate: '2026-03-09', netPnlPaise: -5_000_00 }, // this Monday
      { tradeDate: '2026-03-10', netPnlPaise: 2_500_00 }, // today
      { tradeDate: '2026-03-11', netPnlPaise: 99_999_00 }, // after the date: ignored
    ];
    const p = periodPnlOf({ date: '2026-03-10', rows, openPnlPaise: -1_000_00 });
    expect(p.today).toEqual({ realizedPaise: 2_500_00, unrealizedPaise: -1_000_00, netPaise: 1_500_00 });
    expect(p.week).toEqual({ realizedPaise: -2_500_00, unrealizedPaise: -1_000_00, netPaise: -3_500_00 });
    expect(p.month).toEqual({ realizedPaise: 7_500_00, unrealizedPaise: -1_000_00, netPaise: 6_500_00 });
    // The same sums as the risk checks (which never see later rows in practice).
    const facts = riskPnlFacts({ date: '2026-03-10', rows: rows.slice(0, 4) as DailyPnl[], allocatedCapitalPaise: 0, activePosition: { realizedPnlPaise: 0, unrealizedPnlPaise: -1_000_00 } as Position });
    expect([facts.todayPaise, facts.weekPaise, facts.monthPaise]).toEqual([p.today.netPaise, p.week.netPaise, p.month.netPaise]);
  });

  it('writes a zero row for an account without trades and books the day of the close, not of the entry', async () => {
    const other = await g.dataSource.getRepository(BrokerAccount).save(g.dataSource.getRepository(BrokerAccount).create({ broker: 'ICICI', accountNumber: `ICICI-${dialect}`, name: 'futures', allocatedCapitalPaise: 1_00_00_000_00 }));
    const id = await openStrangle(g, { ce: 120.5, pe: 95 });
    const out = await service.recomputeAll(today());
    expect(out.map((o) => [o.accountId, o.values.netPnlPaise, o.values.tradesCount])).toEqual([
      [g.account.id, 0, 0],
      [other.id, 0, 0],
    ]);
    g.clock.advance(24 * 3600_000); // Wednesday
    await closeStrangle(g, id, { ce: 100, pe: 80 });
    await service.recomputeAll(today());
    const rows = await rowsOf();
    expect(rows.map((r) => [r.tradeDate, r.tradesCount, r.realizedPnlPaise])).toEqual([
      ['2026-03-10', 0, 0],
      ['2026-03-11', 1, 23_07_500],
    ]);
  });
});
