import { createDefaultNseCalendar } from '@mcube/domain';
import type { Clock, MarketDataPort } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { Sleep } from '../../src/modules/core/clock/clock.token';
import type { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import type { LiveMarketData } from '../../src/modules/orders/live/live-market-data.service';
import { OrderFiguresService } from '../../src/modules/orders/order-figures.service';
import { OrdersService } from '../../src/modules/orders/order-gateway.service';
import type { SharedAccountMargins } from '../../src/modules/orders/paper/shared-account-margins';
import type { PositionLedger } from '../../src/modules/orders/ports/position-ledger.port';
import { InProcessTokenSource } from '../../src/modules/orders/throttle/in-process-token-source';
import { SegmentThrottle } from '../../src/modules/orders/throttle/segment-throttle';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { QuoteBoard } from './quote-board.fake';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/** NIFTY spot of the hand-built gateways (the gateway's margin model reads it). */
export const TEST_NIFTY_SPOT = 23_400;

/**
 * A hand-built order gateway as the orders module wires it: the in-process throttle on
 * `wallClock` (default: `clock`, so a fake sleep that advances it works), the gateway's margin
 * figures on `market` (default: NIFTY 50 at 23,400; a LIVE account's spot from its broker when
 * `live` is given, as in the API), the risk context on `clock`, the positions module's ledger,
 * and where a LIVE account's fetched margin is stored for an `api` process (`sharedMargins`).
 */
export function buildGateway(p: { dataSource: DataSource; clock: Clock; sleep: Sleep; registry: ExecutionClientRegistry; riskContext?: RiskContextService; market?: MarketDataPort; wallClock?: Clock; live?: LiveMarketData; ledger?: PositionLedger; sharedMargins?: SharedAccountMargins }): OrdersService {
  const throttle = new SegmentThrottle(new InProcessTokenSource(p.wallClock ?? p.clock), p.sleep);
  const market = p.market ?? new QuoteBoard().set('NIFTY 50', { lastPrice: TEST_NIFTY_SPOT });
  return new OrdersService(p.dataSource, p.clock, throttle, p.registry, p.riskContext ?? new RiskContextService(p.dataSource, p.clock, createDefaultNseCalendar(), new RiskPositionsQuery(p.dataSource), new DailyPnlHistoryQuery(p.dataSource)), new OrderFiguresService(market, p.live), p.ledger ?? new PositionLedgerService(), undefined, undefined, p.sharedMargins);
}
