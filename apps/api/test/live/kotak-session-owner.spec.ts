import { randomUUID } from 'node:crypto';
import { createDefaultNseCalendar } from '@mcube/domain';
import Redis from 'ioredis';
import type { AppConfig } from '../../src/config/app-config';
import { BrokerJobHandlers } from '../../src/modules/orders/live/broker-job-handlers';
import { KotakLiveBrokers } from '../../src/modules/orders/live/kotak-live-brokers.service';
import { AccountLeases } from '../../src/roles/account-leases';
import { KOTAK_TEST_TUNING, startKotakLive, type KotakLiveHarness } from './kotak-live-harness';

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Two worker processes on one Redis and one database (each with its own `AccountLeases`,
 * Kotak adapters and broker job handlers), against the local Neo stand-in server: the daily
 * login of an account is made by one of them only; when that worker stops (its lease released
 * at shutdown), the other one logs the account in.
 */
describe('one owner per account for the Kotak session (two workers, real Redis, fake Neo server)', () => {
  const prefix = `mcube-roles13-${randomUUID().slice(0, 8)}`;
  const config = { redisUrl: REDIS_URL, jobs: { role: 'worker', runWorkers: true, schedule: false, queuePrefix: prefix } } as AppConfig;
  const redis = new Redis(REDIS_URL);
  let h: KotakLiveHarness | undefined;
  const leases: AccountLeases[] = [];

  afterAll(async () => {
    for (const l of leases) await l.onApplicationShutdown();
    await h?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('logs the account in from one worker only, and from the other once the owner stops', async () => {
    const first = new AccountLeases(config, 30_000);
    const second = new AccountLeases(config, 30_000);
    leases.push(first, second);
    h = await startKotakLive({ leases: first });
    const harness = h;
    const secondLive = new KotakLiveBrokers(harness.dataSource, harness.config, harness.clock, async (ms) => harness.clock.advance(ms), harness.instruments, undefined as never, undefined as never, createDefaultNseCalendar(), KOTAK_TEST_TUNING, second);
    const secondJobs = new BrokerJobHandlers(harness.dataSource, harness.config, harness.registry, secondLive, harness.instruments, harness.reconciliation, undefined as never);
    const successfulLogins = () => harness.server.loginAttempts().filter((a) => a.step === 'MPIN' && a.ok).length;

    // Both workers run the 08:30 brokers.login job.
    expect(await harness.jobs.loginAll()).toEqual([]);
    expect(await secondJobs.loginAll()).toEqual([]);
    expect(successfulLogins()).toBe(1);
    expect(await redis.get(`${prefix}:owner:account:${harness.account.id}`)).toBe(first.holder);
    // The second worker's adapter refuses a login of its own, even when asked directly.
    await expect(secondLive.login(harness.account.id)).rejects.toThrow(/does not own the broker session/);
    expect(successfulLogins()).toBe(1);

    // The owner stops: its lease is released at shutdown and the other worker takes the account over.
    await first.onApplicationShutdown();
    harness.clock.advance(60_000); // a fresh TOTP step for the new login
    expect(await secondJobs.loginAll()).toEqual([]);
    expect(successfulLogins()).toBe(2);
    expect(await redis.get(`${prefix}:owner:account:${harness.account.id}`)).toBe(second.holder);
    // The stopped worker no longer logs in.
    expect(await harness.jobs.loginAll()).toEqual([]);
    expect(successfulLogins()).toBe(2);
    secondLive.onModuleDestroy();
  });
});
