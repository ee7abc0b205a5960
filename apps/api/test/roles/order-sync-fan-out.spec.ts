import type { AppConfig } from '../../src/config/app-config';
import { OrderSyncFanOut } from '../../src/modules/orders/paper/order-sync-fan-out';
import type { AccountLeases } from '../../src/roles/account-leases';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { until } from './until';

/**
 * Issue 13 process roles: with BullMQ one worker takes each order-sync tick, but a pass only
 * syncs the accounts its process holds. The taker announces the tick over real Redis and every
 * worker hears it, so each account is synced on every tick whoever took it.
 */
describe('OrderSyncFanOut (real Redis)', () => {
  const prefix = uniquePrefix();
  const made: OrderSyncFanOut[] = [];
  const fanOut = (role: 'all' | 'worker' | 'api', redis: string | 'none' = SHARED_REDIS_URL) => {
    const config = { redisUrl: redis === 'none' ? undefined : redis, jobs: { role, queuePrefix: prefix } } as unknown as AppConfig;
    const f = new OrderSyncFanOut(config, { runsWorkerDuties: role !== 'api' } as AccountLeases);
    made.push(f);
    return f;
  };

  afterAll(async () => {
    for (const f of made) await f.onApplicationShutdown();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it('a tick announced by one worker reaches every worker, the announcer included', async () => {
    const heard = { a: 0, b: 0 };
    const a = fanOut('worker');
    const b = fanOut('worker');
    await a.listen(() => heard.a++);
    await b.listen(() => heard.b++);
    await a.announce();
    await until('both workers to hear the tick', () => heard.a === 1 && heard.b === 1);
    await b.announce();
    await until('both workers to hear the second tick', () => heard.a === 2 && heard.b === 2);
  });

  it('is off in an api process and without REDIS_URL: nothing is heard, announcing does nothing', async () => {
    const heard = { worker: 0, api: 0, alone: 0 };
    const worker = fanOut('worker');
    await worker.listen(() => heard.worker++);
    const api = fanOut('api');
    const alone = fanOut('all', 'none');
    expect([api.active, alone.active, worker.active]).toEqual([false, false, true]);
    await api.listen(() => heard.api++);
    await alone.listen(() => heard.alone++);
    await api.announce();
    await alone.announce();
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual({ worker: 0, api: 0, alone: 0 });
  });

  it('announcing with Redis unreachable neither throws nor waits', async () => {
    const down = fanOut('worker', 'redis://127.0.0.1:1');
    await expect(down.announce()).resolves.toBeUndefined();
  });
});
