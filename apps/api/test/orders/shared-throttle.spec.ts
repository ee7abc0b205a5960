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

/** Runs one gateway process to the end of its burst; resolves with what it printed. */
function runChild(databaseJson: string, prefix: string, startAtMs: number): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'throttle-child.ts'), databaseJson, SHARED_REDIS_URL, prefix, String(PER_PROCESS), String(startAtMs)], {
      cwd: REPO,
      env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildOutput) : reject(new Error(`child exited ${code}: ${err}`))));
  });
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
    // Both start their burst at the same wall instant, once both have booted.
    const startAtMs = Date.now() + 8_000;
    const outputs = await Promise.all(paths.map((p) => runChild(p, prefix, startAtMs)));

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
    // Both processes got tokens in the first second (one shared bucket, not a queue per process).
    for (const o of outputs) expect(Math.min(...o.grantedAt)).toBeLessThan(all[0] + 1000);
  }, 60_000);

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
