import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { AccountLeases } from './account-leases';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** Polls until the condition holds (generous deadline for a loaded machine). */
async function eventually(check: () => Promise<boolean>, deadlineMs = 20_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached before the deadline');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const configOf = (prefix: string, role: AppConfig['jobs']['role'], redisUrl: string | undefined) =>
  ({ redisUrl, jobs: { role, runWorkers: role !== 'api', schedule: false, queuePrefix: prefix } }) as AppConfig;

describe('AccountLeases (real Redis)', () => {
  const prefix = `mcube-roles13-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL);
  const opened: AccountLeases[] = [];
  const open = (role: AppConfig['jobs']['role'], ttlMs: number, redisUrl?: string) => {
    const leases = new AccountLeases(configOf(prefix, role, redisUrl === 'none' ? undefined : (redisUrl ?? REDIS_URL)), ttlMs);
    opened.push(leases);
    return leases;
  };

  afterAll(async () => {
    for (const l of opened) await l.onApplicationShutdown();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('gives an account to one worker; the other gets it when the owner releases it at shutdown', async () => {
    const a = open('worker', 30_000);
    const b = open('worker', 30_000);
    expect(await a.owns(1)).toBe(true);
    expect(await b.owns(1)).toBe(false);
    expect(await a.owns(1)).toBe(true);
    expect(await b.owns(2)).toBe(true);
    expect(await a.owns(2)).toBe(false);
    expect(await redis.get(`${prefix}:owner:account:1`)).toBe(a.holder);
    await a.onApplicationShutdown();
    expect(await redis.get(`${prefix}:owner:account:1`)).toBeNull();
    expect(await a.owns(1)).toBe(false);
    expect(await b.owns(1)).toBe(true);
    expect(b.heldAccounts()).toEqual([1, 2]);
  });

  it('keeps a lease alive by renewal, and a lease nobody renews is taken over after it expires', async () => {
    const a = open('worker', 600);
    const b = open('worker', 600);
    expect(await a.owns(10)).toBe(true);
    // Renewed every 200 ms: still a's well past one lease length.
    await eventually(async () => (await redis.pttl(`${prefix}:owner:account:10`)) > 0 && (await redis.get(`${prefix}:owner:account:10`)) === a.holder);
    const firstTtl = await redis.pttl(`${prefix}:owner:account:10`);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await redis.get(`${prefix}:owner:account:10`)).toBe(a.holder);
    expect(firstTtl).toBeLessThanOrEqual(600);
    expect(await b.owns(10)).toBe(false);
    // a "dies" without releasing (kill -9): its renewals stop, the key expires, b takes over.
    clearInterval((a as unknown as { timer: NodeJS.Timeout }).timer);
    await eventually(() => b.owns(10));
    expect(await redis.get(`${prefix}:owner:account:10`)).toBe(b.holder);
  });

  it('the api role owns nothing; without Redis a worker (or all) owns every account', async () => {
    expect(await open('api', 30_000).owns(20)).toBe(false);
    expect(await redis.get(`${prefix}:owner:account:20`)).toBeNull();
    expect(await open('all', 30_000, 'none').owns(20)).toBe(true);
    expect(await open('worker', 30_000, 'none').owns(20)).toBe(true);
  });

  it('answers "not the owner" while Redis is unreachable (never two owners)', async () => {
    const down = open('worker', 30_000, 'redis://127.0.0.1:4699');
    expect(await down.owns(30)).toBe(false);
  });
});
