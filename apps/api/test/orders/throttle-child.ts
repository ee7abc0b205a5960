/**
 * One order-gateway process for the shared-throttle test (run with `node -r @swc-node/register`):
 * argv = the database (JSON), Redis URL, key prefix, orders to send. It builds the gateway as
 * the orders module does with REDIS_URL set (the Redis token source on the deployment's prefix,
 * real timers), sends one warm-up order, prints `READY`, reads the burst's start time (epoch ms)
 * from stdin, sends its orders in one burst at that time, and prints, as a JSON line on stdout,
 * the Redis server time at which each order
 * of the burst got its throttle token and the wall time (Date.now) at which it reached its broker.
 */
import { type BrokerMargin, createDefaultNseCalendar, type ExecutionClient, FixedClock } from '@mcube/domain';
import Redis from 'ioredis';
import { createDataSource } from '../../src/database/create-data-source';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { SystemClock, timerSleep } from '../../src/modules/core/clock/system-clock';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { OrderFiguresService } from '../../src/modules/orders/order-figures.service';
import { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { InProcessTokenSource } from '../../src/modules/orders/throttle/in-process-token-source';
import { RedisTokenSource } from '../../src/modules/orders/throttle/redis-token-source';
import { SegmentThrottle } from '../../src/modules/orders/throttle/segment-throttle';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { FakeExecutionClient } from './fake-execution-client';
import { SESSION_MS, strangleLeg } from './gateway-harness';
import { QuoteBoard } from './quote-board.fake';
import type { AppConfig } from '../../src/config/app-config';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

async function main(): Promise<void> {
  const [databaseJson, redisUrl, prefix, countText] = process.argv.slice(2);
  const dataSource = await createDataSource(buildDataSourceOptions(JSON.parse(databaseJson) as AppConfig['database'], { logging: false })).initialize();
  // The market clock stays inside the session; the throttle runs on real time.
  const market = new FixedClock(SESSION_MS);
  const sentAt: number[] = [];
  const broker = new FakeExecutionClient(market);
  const client: ExecutionClient = Object.assign(broker, {
    placeOrder: (async (request) => {
      sentAt.push(Date.now());
      return FakeExecutionClient.prototype.placeOrder.call(broker, request);
    }) as ExecutionClient['placeOrder'],
    availableMargin: async (): Promise<BrokerMargin> => ({ availablePaise: 3_00_00_000_00, usedPaise: 0, asOfMs: 0 }),
  });
  const registry = new ExecutionClientRegistry();
  registry.register(1, client);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  let fallbacks = 0;
  // The Redis server's time of each grant: what the shared bucket limits.
  const grantedAt: number[] = [];
  const tokens = new RedisTokenSource(redis, { keyPrefix: prefix, fallback: new InProcessTokenSource(new SystemClock()), onFallback: () => fallbacks++, onGrant: (_segment, serverMs) => grantedAt.push(serverMs) });
  const orders = new OrdersService(dataSource, market, new SegmentThrottle(tokens, timerSleep), registry, new RiskContextService(dataSource, market, createDefaultNseCalendar(), new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource)), new OrderFiguresService(new QuoteBoard().set('NIFTY 50', { lastPrice: 23_400 })), new PositionLedgerService());
  await redis.ping();
  // One order first (not counted), so the burst is not timed with a cold process (first transaction, first compile).
  await orders.submit(strangleLeg(1, { purpose: 'ADJUST', positionId: 1, side: 'BUY', quantity: 65, limitPrice: 5 }));
  sentAt.length = 0;
  grantedAt.length = 0;
  // Booted and warm: say so, then wait for the start time the parent sends once every child is ready.
  process.stdout.write('READY\n');
  const startAtMs = await startTime();
  await timerSleep(startAtMs - Date.now());
  const results = await Promise.all(Array.from({ length: Number(countText) }, (_, i) => orders.submit(strangleLeg(1, { purpose: 'ADJUST', positionId: 1, side: 'BUY', quantity: 65, limitPrice: 10 + i * 0.05 }))));
  const statuses = results.flatMap((r) => r.statuses);
  process.stdout.write(JSON.stringify({ sentAt, grantedAt, statuses, fallbacks }));
  redis.disconnect();
  await dataSource.destroy();
}

/** The burst's start (epoch ms): the first line the parent writes on stdin. */
function startTime(): Promise<number> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) {
        process.stdin.pause();
        resolve(Number(text.split('\n')[0]));
      }
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`throttle child failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(3);
});
