/**
 * A gateway process for the SIGKILL tests (run with `node -r @swc-node/register`):
 * argv = sqlite path, paper book path, crash point. It enters a strangle (call sent first) on
 * the paper broker and kills itself with SIGKILL at the crash point:
 * - AFTER_JOURNAL: both legs are journaled, the call SUBMITTED, and nothing was sent;
 * - AFTER_SEND: the paper broker took the call; its acknowledgement is not stored, the put never left;
 * - MID_FILL: both legs sent; the call is half filled in the journal; the broker filled the rest, unapplied.
 * - MID_SLICING: a 28-lot strangle, each leg sliced in two (sent CE 1, PE 1, CE 2, PE 2): the
 *   first slices are at the broker, the process dies while sending the call's second slice
 *   (journaled SUBMITTED, never placed); the put's second slice is still INITIALIZED.
 */
import { createDefaultNseCalendar, type ExecutionClient, FixedClock } from '@mcube/domain';
import { PaperExecutionClient } from '@mcube/brokers-paper';
import { createDataSource } from '../../src/database/create-data-source';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { buildGateway } from './gateway-factory';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { CRASH_ACCOUNT_ID, CRASH_CALL_BID, CRASH_CAPITAL_PAISE, crashClockMs, crashEntry, crashMarket, SLICED_QUANTITY, type CrashPoint } from './crash-scenario';
import { JsonFilePaperBookStore } from './json-file-paper-book.store';
import type { AppConfig } from '../../src/config/app-config';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

async function main(): Promise<void> {
  const [databaseJson, bookPath, point] = process.argv.slice(2) as [string, string, CrashPoint];
  const dataSource = await createDataSource(buildDataSourceOptions(JSON.parse(databaseJson) as AppConfig['database'], { logging: false })).initialize();
  const clock = new FixedClock(crashClockMs());
  const sleep = async (ms: number) => clock.advance(ms);
  const market = crashMarket();
  const paper = await PaperExecutionClient.create({ config: { capitalPaise: CRASH_CAPITAL_PAISE, displayedLotsPerPass: 5 }, clock, marketData: market, store: new JsonFilePaperBookStore(bookPath) });
  let placed = 0;
  const client: ExecutionClient = new Proxy(paper, {
    get(target, prop, receiver) {
      if (prop === 'placeOrder' && point === 'AFTER_JOURNAL') return async () => die();
      if (prop === 'placeOrder' && point === 'MID_SLICING') return async (req: Parameters<ExecutionClient['placeOrder']>[0]) => (++placed === 3 ? die() : target.placeOrder(req));
      if (prop === 'placeOrder' && point === 'AFTER_SEND') return async (req: Parameters<ExecutionClient['placeOrder']>[0]) => (await target.placeOrder(req), die());
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const registry = new ExecutionClientRegistry();
  registry.register(CRASH_ACCOUNT_ID, client);
  const ledger = new PositionLedgerService();
  const orders = buildGateway({ dataSource, clock, sleep, registry, ledger, riskContext: new RiskContextService(dataSource, clock, createDefaultNseCalendar(), new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource)), market });
  const settle = new SettleInFlightService(dataSource, clock, registry, new ApplyFillService(dataSource, clock, ledger), ledger);
  await orders.submitEntry(point === 'MID_SLICING' ? crashEntry(SLICED_QUANTITY) : crashEntry());
  // MID_FILL: 5 of 10 lots fill per pass.
  await paper.onMarket([{ ...CRASH_CALL_BID, asOfMs: clock.nowMs() }]);
  await settle.settleAccount(CRASH_ACCOUNT_ID);
  await paper.onMarket([{ ...CRASH_CALL_BID, asOfMs: clock.nowMs() }]);
  die();
}

main().catch((error: unknown) => {
  process.stderr.write(`crash child failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(3);
});
