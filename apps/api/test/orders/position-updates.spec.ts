import { createDefaultNseCalendar } from '@mcube/domain';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import type { WsMessage } from '@mcube/contracts';
import { contractSymbol } from '@mcube/market-sim';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { PositionMonitorService } from '../../src/modules/positions/position-monitor.service';
import { GatewayHarness, startGateway, enterStrangle, type EnteredStrangle, strangleLeg } from './gateway-harness';
import { QuoteBoard } from './quote-board.fake';
import { simQuotes } from './sim-contract-quotes';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/** A market whose quote of one symbol first runs `beforeAnswer` once: a fill landing mid-mark. */
class RacingQuoteBoard extends QuoteBoard {
  beforeAnswer: (() => Promise<void>) | null = null;
  override async quote(symbol: string) {
    const hook = this.beforeAnswer;
    this.beforeAnswer = null;
    if (hook) await hook();
    return super.quote(symbol);
  }
}

describe('position.updated after fills', () => {
  let g: GatewayHarness;
  let fills: ApplyFillService;
  const published: WsMessage[] = [];

  beforeEach(async () => {
    g = await startGateway();
    const bus = new AppEventsBus();
    bus.subscribe((m) => published.push(m));
    published.length = 0;
    fills = new ApplyFillService(g.dataSource, g.clock, new PositionLedgerService(), bus);
  });
  afterEach(async () => {
    await g.close();
  });

  const positionEvents = () => published.flatMap((m) => (m.event === 'position.updated' ? [m.data] : []));
  /** The strangle's put is canceled unfilled: the position is the call alone. */
  const cancelPut = async (entry: EnteredStrangle) => {
    await g.cancel.cancel(entry.put.orderIds[0]);
    await g.settle.settleAccount(g.account.id);
  };

  it('pushes the position after each committed fill, CLOSED once the exit fill flattens it', async () => {
    const entry = await enterStrangle(g.orders, g.account.id);
    const positionId = entry.positionId as number;
    await cancelPut(entry);
    await fills.apply('PAPER', g.broker.fill(entry.intentId, 650, 120.5));
    expect(positionEvents()).toEqual([expect.objectContaining({ positionId, status: 'ACTIVE', legs: [expect.objectContaining({ side: 'SELL', quantity: 650, avgPricePaise: 12050 })] })]);

    const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', limitPrice: 100, positionId }));
    await fills.apply('PAPER', g.broker.fill(exit.intentId, 650, 100));
    const last = positionEvents().at(-1);
    expect(last).toMatchObject({ positionId, status: 'CLOSED', realizedPnlPaise: (12050 - 10000) * 650 });
  });

  it('pushes nothing for a duplicate fill', async () => {
    const entry = await enterStrangle(g.orders, g.account.id);
    const trade = g.broker.fill(entry.intentId, 650, 120.5);
    await fills.apply('PAPER', trade);
    expect(await fills.apply('PAPER', trade)).toBe('DUPLICATE');
    expect(positionEvents()).toHaveLength(1);
  });

  it('a mark racing the closing fill leaves the closed position as it closed, and pushes no stale ACTIVE state', async () => {
    const entry = await enterStrangle(g.orders, g.account.id);
    const positionId = entry.positionId as number;
    await cancelPut(entry);
    await fills.apply('PAPER', g.broker.fill(entry.intentId, 650, 120.5));
    const market = new RacingQuoteBoard();
    market.set(contractSymbol({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' }), { lastPrice: 90 });
    const bus = new AppEventsBus();
    const monitorEvents: WsMessage[] = [];
    bus.subscribe((m) => monitorEvents.push(m));
    const breaker = new CircuitBreakerTripService(g.dataSource, g.clock, new ManualExitService(g.dataSource, g.orders, simQuotes(market), g.clock), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), new AlertsService(g.dataSource, new AppEventsBus()));
    const monitor = new PositionMonitorService(g.dataSource, g.clock, simQuotes(market), breaker, createDefaultNseCalendar(), bus);
    // The monitor has read the ACTIVE position; the buy-back fills before its quote answers.
    market.beforeAnswer = async () => {
      const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', limitPrice: 100, positionId }));
      await fills.apply('PAPER', g.broker.fill(exit.intentId, 650, 100));
    };

    await monitor.markAll();

    expect(await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).toMatchObject({ status: 'CLOSED', unrealizedPnlPaise: 0 });
    expect(monitorEvents.filter((m) => m.event === 'position.updated')).toEqual([]);
  });
});
