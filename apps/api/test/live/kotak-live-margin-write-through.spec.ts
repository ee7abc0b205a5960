import type { EntryCommand } from '@mcube/domain';
import { NIFTY_CALL, NIFTY_PUT } from '@mcube/brokers-kotak-neo/testing';
import Redis from 'ioredis';
import type { AppConfig } from '../../src/config/app-config';
import { sharedMarginsKey } from '../../src/modules/orders/paper/shared-account-margins';
import { AccountLeases } from '../../src/roles/account-leases';
import { uniquePrefix, SHARED_REDIS_URL } from '../jobs/job-test-kit';
import { startKotakLive, type KotakLiveHarness } from './kotak-live-harness';

/** A one-lot NIFTY strangle of the fake master (SELL 65 × 24500 CE and 65 × 23500 PE). */
function strangle(accountId: number): EntryCommand {
  const leg = (strike: number, optionType: 'CE' | 'PE', expiry: string, limitPrice: number) => ({ segment: 'NFO-OPT' as const, instrument: { underlying: 'NIFTY', kind: 'OPT' as const, expiry, strike, optionType }, side: 'SELL' as const, quantity: 65, orderType: 'LIMIT' as const, limitPrice });
  return { accountId, legs: [leg(NIFTY_CALL.strike, 'CE', NIFTY_CALL.expiry, 120.5), leg(23_500, 'PE', NIFTY_PUT.expiry, 95)] };
}

// Issue 13, process roles: the worker's gateway asks Kotak for the margin of each order; that
// figure is what an `api` process shows for the LIVE account, so the gateway stores it (write-through).
describe("the gateway's LIVE margin, stored for the api process (fake Neo server, real Redis)", () => {
  const prefix = uniquePrefix();
  const redis = new Redis(SHARED_REDIS_URL);
  let h: KotakLiveHarness | undefined;
  let leases: AccountLeases | undefined;

  afterAll(async () => {
    await h?.close();
    await leases?.onApplicationShutdown();
    await redis.del(sharedMarginsKey(prefix));
    await redis.quit();
  });

  it('stores the margin Kotak answered for an entry, with the wall time of the call', async () => {
    leases = new AccountLeases({ redisUrl: SHARED_REDIS_URL, jobs: { role: 'worker', runWorkers: true, schedule: false, queuePrefix: prefix } } as AppConfig, 30_000);
    h = await startKotakLive({ leases, sharedMargins: { redisUrl: SHARED_REDIS_URL, queuePrefix: prefix } });
    await h.goLive();
    expect(leases.heldAccounts()).toEqual([h.account.id]);
    expect(await redis.hget(sharedMarginsKey(prefix), String(h.account.id))).toBeNull();

    h.server.setFunds({ netPaise: 3_210_000_00, marginUsedPaise: 4_500_00 });
    const before = h.clock.nowMs();
    const [call, put] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    expect([call.statuses, put.statuses]).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    const harness = h;
    let raw: string | null = null;
    for (let i = 0; i < 100 && raw === null; i++) {
      raw = await redis.hget(sharedMarginsKey(prefix), String(harness.account.id));
      if (raw === null) await new Promise((r) => setTimeout(r, 20));
    }
    const stored = JSON.parse(raw ?? 'null') as { source: string; availablePaise: number; usedPaise: number; asOfWallMs: number };
    expect(stored).toEqual({ source: 'LIVE', availablePaise: 3_210_000_00, usedPaise: 4_500_00, asOfWallMs: expect.any(Number), freshForMs: expect.any(Number) });
    expect(stored.asOfWallMs).toBeGreaterThanOrEqual(before);
    expect(stored.asOfWallMs).toBeLessThanOrEqual(h.clock.nowMs());
  });
});
