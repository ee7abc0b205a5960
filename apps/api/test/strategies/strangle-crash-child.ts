/**
 * The API process of the strangle crash test (run with `node -r @swc-node/register`): argv =
 * sqlite path, paper book path. At 10:00 of the crash day its strangle decides to enter; the
 * paper broker takes the call and fills it at once; the process is then killed (SIGKILL) as the
 * gateway is about to send the put: the first leg filled, the second never sent.
 */
import type { ExecutionClient } from '@mcube/domain';
import { createDataSource } from '../../src/database/create-data-source';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { buildStrangleRuntime } from './strangle-harness';
import { crashMarketAndBroker } from './strangle-crash-scenario';
import type { AppConfig } from '../../src/config/app-config';

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

async function main(): Promise<void> {
  const [databaseJson, bookPath, accountId] = process.argv.slice(2);
  const dataSource = await createDataSource(buildDataSourceOptions(JSON.parse(databaseJson) as AppConfig['database'], { logging: false })).initialize();
  const { clock, calendar, market, paper } = await crashMarketAndBroker(bookPath, '10:00');
  let placed = 0;
  const broker: ExecutionClient = new Proxy(paper, {
    get(target, prop, receiver) {
      if (prop === 'placeOrder') {
        return async (request: Parameters<ExecutionClient['placeOrder']>[0]) => {
          if (++placed === 2) return die();
          const ack = await target.placeOrder(request);
          await target.matchNow(); // the call fills at the touch before the put is sent
          return ack;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const { runner } = buildStrangleRuntime({ dataSource, clock, calendar, market, paper: broker, accountId: Number(accountId) });
  await runner.forEachStrategy((s) => s.runDailyEntry(clock.nowMs()));
  process.stderr.write('the entry finished without reaching the crash point\n');
  process.exit(4);
}

main().catch((error: unknown) => {
  process.stderr.write(`strangle crash child failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(3);
});
