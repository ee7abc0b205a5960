import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { InProcessTokenSource } from '../../src/modules/orders/throttle/in-process-token-source';
import { ThrottleTokenSource } from '../../src/modules/orders/throttle/order-throttle.providers';
import { RedisTokenSource } from '../../src/modules/orders/throttle/redis-token-source';
import type { AppConfig } from '../../src/config/app-config';
import { FixedClock } from '@mcube/domain';
import { insertAccount, saveAdjustablePosition } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';

const REPO = join(__dirname, '..', '..', '..', '..');
const PER_PROCESS = 10;

interface ChildOutput {
  sentAt: number[];
  grantedAt: number[];
  statuses: string[];
  fallbacks: number;
}

/** One gateway process: `ready` once it has booted and sent its warm-up order, `start` sets its burst off, `done` is what it printed. */
interface Child {
  ready: Promise<void>;
  start(atMs: number): void;
  done: Promise<ChildOutput>;
}

function runChild(databaseJson: string, prefix: string): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'throttle-child.ts'), databaseJson, SHARED_REDIS_URL, prefix, String(PER_PROCESS)], {
    cwd: REPO,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json', NODE_ENV: 'test' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('READY\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<ChildOutput>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.replace(/^READY\n/, '')) as ChildOutput) : reject(new Error(`child exited ${code}: ${err}`))));
  });
  // A child that dies before it is ready must fail the test, not leave it waiting.
  return { ready: Promise.race([ready, done.then(() => undefined)]), start: (atMs) => child.stdin.end(`${atMs}\n`), done };
}

/**
 * Issue 11 §6: with REDIS_URL the API and every worker share ONE bucket per segment. Two
 * gateway processes each send a burst of 10 orders at the same instant: at most 5 leave in
 * any second in total (on main each process had its own bucket: 10 left in the first moment).
 */
describe('the order throttle shared in Redis', () => {
  const dbs: TestDatabase[] = [];
  const prefix = uniquePrefix();

  afterAll(async () => {
    for (const db of dbs) await db.dispose();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it('lets at most 5 orders per second leave two processes bursting together', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 2; i++) {
      const db = await createTestDatabase();
      dbs.push(db);
      const ds = await db.openMigrated();
      expect((await insertAccount(ds)).id).toBe(1);
      // The burst is of ADJUST orders, which must name the account's ACTIVE position (id 1).
      expect(await saveAdjustablePosition(ds, 1)).toBe(1);
      await ds.destroy();
      paths.push(JSON.stringify(db.database));
    }
    // Both start their burst at the same wall instant, once both have booted and sent their
    // warm-up order (however long that takes on a loaded machine).
    const children = paths.map((p) => runChild(p, prefix));
    await Promise.all(children.map((c) => c.ready));
    const startAtMs = Date.now() + 500;
    for (const c of children) c.start(startAtMs);
    const outputs = await Promise.all(children.map((c) => c.done));

    for (const o of outputs) {
      expect(o.statuses).toEqual(Array(PER_PROCESS).fill('ACCEPTED'));
      expect(o.fallbacks).toBe(0);
      expect(o.grantedAt).toHaveLength(PER_PROCESS);
      expect(o.sentAt).toHaveLength(PER_PROCESS);
    }
    const all = outputs.flatMap((o) => o.grantedAt).sort((a, b) => a - b);
    // Grant times are the Redis server's clock (one clock for both processes): exact.
    for (let i = 5; i < all.length; i++) expect(all[i] - all[i - 5]).toBeGreaterThanOrEqual(1000);
    // 20 orders at 5 per second: the burst spans at least 3 seconds.
    expect(all[all.length - 1] - all[0]).toBeGreaterThanOrEqual(3000);
    // One shared bucket, not a queue per process: each process got a token while the other still
    // had orders waiting (neither had to finish its burst first). Not "within the first second":
    // a process that starts its burst a few ms later can find the first second's five tokens taken.
    const [a, b] = outputs.map((o) => o.grantedAt);
    expect(Math.min(...b)).toBeLessThan(Math.max(...a));
    expect(Math.min(...a)).toBeLessThan(Math.max(...b));
    // Two child processes compile and boot before the burst: 40 s on the loaded shared machine.
  }, 180_000);

  it("falls back to the process's own bucket while Redis cannot be reached, and says so", async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
    unreachable.on('error', () => undefined);
    const errors: unknown[] = [];
    const clock = new FixedClock(0);
    const source = new RedisTokenSource(unreachable, { keyPrefix: prefix, fallback: new InProcessTokenSource(clock), onFallback: (e) => errors.push(e) });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) waits.push(await source.take('NFO-OPT'));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1000]);
    expect(errors).toHaveLength(6);
    unreachable.disconnect();
  });

  it('is what the orders module wires: Redis under the deployment prefix when REDIS_URL is set, else the process bucket', async () => {
    const clock = new FixedClock(0);
    const withRedis = new ThrottleTokenSource({ redisUrl: SHARED_REDIS_URL, jobs: { queuePrefix: prefix } } as AppConfig, clock);
    const without = new ThrottleTokenSource({ jobs: { queuePrefix: prefix } } as AppConfig, clock);
    try {
      await withRedis.onModuleInit();
      expect(withRedis.source).toBeInstanceOf(RedisTokenSource);
      expect(without.source).toBeInstanceOf(InProcessTokenSource);
      expect(await withRedis.source.take('NFO-FUT')).toBe(0);
      const redis = new Redis(SHARED_REDIS_URL);
      expect(await redis.zcard(`${prefix}:order-throttle:NFO-FUT`)).toBe(1);
      redis.disconnect();
    } finally {
      await withRedis.onModuleDestroy();
      await without.onModuleDestroy();
    }
  });
});
