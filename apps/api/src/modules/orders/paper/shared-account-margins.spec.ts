import { randomUUID } from 'node:crypto';
import { BrokerError, createDefaultNseCalendar, FixedClock, type BrokerMargin, type Clock, type ExecutionClient } from '@mcube/domain';
import Redis from 'ioredis';
import type { AppConfig } from '../../../config/app-config';
import type { AccountLeases } from '../../../roles/account-leases';
import { ReconciliationGate } from '../../risk/context/reconciliation-gate';
import { AccountMarginService } from '../account-margin.service';
import { ExecutionClientRegistry } from '../execution-clients.token';
import { HaltingExecutionClient } from '../live/halting-execution-client';
import { FRESH_FOR_PERIODS, LIVE_MARGIN_MAX_BACKOFF_MS, LiveMarginSchedule, OFF_SESSION_REFRESH_FACTOR } from '../live/live-margin-schedule';
import { SharedAccountMargins, sharedMarginsKey } from './shared-account-margins';
import { LIVE_MARGIN_MAX_AGE_MS, liveMarginRecord, marginOfStored, paperMarginRecord } from './shared-margin-record';

const REDIS_URL = 'redis://127.0.0.1:6379';
const REFRESH_MS = 30_000;

/** A broker whose margin answer the test sets (a figure, or an error), counting the calls. */
function scriptedBroker(): { client: ExecutionClient; answer: (m: BrokerMargin | Error) => void; calls: () => number } {
  let next: BrokerMargin | Error = { availablePaise: 1, usedPaise: 0, asOfMs: 0 };
  let calls = 0;
  const availableMargin = async () => {
    calls += 1;
    if (next instanceof Error) throw next;
    return next;
  };
  return { client: { broker: 'KOTAK', availableMargin } as unknown as ExecutionClient, answer: (m) => (next = m), calls: () => calls };
}

async function eventually(check: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached before the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SharedAccountMargins, LIVE accounts (real Redis)', () => {
  const redis = new Redis(REDIS_URL);
  const opened: SharedAccountMargins[] = [];
  const prefixes = new Set<string>();
  afterAll(async () => {
    for (const s of opened) await s.onApplicationShutdown();
    for (const p of prefixes) await redis.del(sharedMarginsKey(p));
    await redis.quit();
  });

  /** A worker (or `api`) process's store, over its own registry, leases, wall clock and gate, under a fresh prefix. */
  /** `market`: the market clock (default: the wall clock, Monday 09:30 IST, in session). */
  function processOf(role: 'worker' | 'api', prefix = `mcube-margins-${randomUUID().slice(0, 8)}`, held: number[] = [7], market?: Clock) {
    prefixes.add(prefix);
    const config = { redisUrl: REDIS_URL, jobs: { role, runWorkers: role !== 'api', schedule: false, queuePrefix: prefix } } as AppConfig;
    const leases = { runsWorkerDuties: role !== 'api', heldAccounts: () => held } as unknown as AccountLeases;
    const wall = new FixedClock(Date.UTC(2026, 7, 10, 4, 0));
    const gate = new ReconciliationGate();
    const registry = new ExecutionClientRegistry();
    const shared = new SharedAccountMargins(config, registry, leases, wall, gate, REFRESH_MS, market ?? wall, createDefaultNseCalendar());
    opened.push(shared);
    const stored = async (accountId = 7) => {
      const raw = await redis.hget(sharedMarginsKey(prefix), String(accountId));
      return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
    };
    return { prefix, wall, gate, registry, shared, stored, margins: new AccountMarginService(registry, shared) };
  }
  const live = (client: ExecutionClient) => new HaltingExecutionClient(client, async () => undefined, () => undefined);

  it("writes through a LIVE margin the worker fetched, with the wall time of the fetch; only a held LIVE account's", async () => {
    const w = processOf('worker', undefined, [7]);
    const broker = scriptedBroker();
    w.registry.register(7, live(broker.client));
    broker.answer({ availablePaise: 50_000_00, usedPaise: 1_000_00, asOfMs: 123 });
    expect(await w.margins.marginOf(7)).toEqual({ availablePaise: 50_000_00, usedPaise: 1_000_00, asOfMs: 123 });
    await eventually(async () => (await w.stored()) !== null);
    expect(await w.stored()).toEqual({ source: 'LIVE', availablePaise: 50_000_00, usedPaise: 1_000_00, asOfWallMs: w.wall.nowMs(), freshForMs: LIVE_MARGIN_MAX_AGE_MS });

    // Not held here (another worker's), or not LIVE (a paper book, written by the every-second pass): no write-through.
    const paperish = scriptedBroker();
    w.registry.register(8, paperish.client);
    w.registry.register(9, live(scriptedBroker().client));
    await w.margins.marginOf(8);
    await w.margins.marginOf(9);
    await new Promise((r) => setTimeout(r, 100));
    expect([await w.stored(8), await w.stored(9)]).toEqual([null, null]);

    // A failed fetch answers null and stores nothing new.
    await redis.hdel(sharedMarginsKey(w.prefix), '7');
    broker.answer(new BrokerError('TEMPORARY', 'Kotak limits: HTTP 503'));
    expect(await w.margins.marginOf(7)).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(await w.stored()).toBeNull();
  });

  it('refreshes a connected LIVE account once a period passed without a stored figure; not while PENDING; backs off after a failure', async () => {
    const w = processOf('worker');
    const broker = scriptedBroker();
    w.registry.register(7, live(broker.client));
    broker.answer({ availablePaise: 10_00, usedPaise: 0, asOfMs: 0 });

    // PENDING (no reconciliation reached the broker since it connected): no call.
    await w.shared.writeHeld();
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.calls()).toBe(0);

    w.gate.markReconciled(7);
    await w.shared.writeHeld();
    await eventually(async () => (await w.stored()) !== null);
    expect(broker.calls()).toBe(1);
    // Within the period: no call. After it: one.
    w.wall.advance(REFRESH_MS - 1);
    await w.shared.writeHeld();
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.calls()).toBe(1);
    w.wall.advance(1);
    broker.answer({ availablePaise: 20_00, usedPaise: 0, asOfMs: 0 });
    await w.shared.writeHeld();
    await eventually(async () => (await w.stored())?.['availablePaise'] === 20_00);
    expect(await w.stored()).toMatchObject({ asOfWallMs: w.wall.nowMs() });
    expect(broker.calls()).toBe(2);

    // A write-through pushes the next refresh a period on.
    w.wall.advance(REFRESH_MS - 5);
    await w.margins.marginOf(7);
    expect(broker.calls()).toBe(3);
    w.wall.advance(10);
    await w.shared.writeHeld();
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.calls()).toBe(3);

    // A failure keeps the last figure as it was (with its as-of) and waits a period before the next try.
    w.wall.advance(REFRESH_MS);
    const before = await w.stored();
    broker.answer(new BrokerError('RATE_LIMITED', 'Kotak limits: HTTP 429', { retryAfterMs: 90_000 }));
    await w.shared.writeHeld();
    await eventually(async () => broker.calls() === 4);
    await new Promise((r) => setTimeout(r, 50));
    expect(await w.stored()).toEqual(before);
    // Kotak asked for 90 s: nothing sooner.
    w.wall.advance(89_000);
    await w.shared.writeHeld();
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.calls()).toBe(4);
  });

  it('outside the session asks the broker twenty times less often and vouches for each figure as much longer', async () => {
    // Monday 20:00 IST: NSE is closed; a LIVE margin moves only with funds.
    const evening = new FixedClock(Date.UTC(2026, 7, 10, 14, 30));
    const w = processOf('worker', undefined, [7], evening);
    const a = processOf('api', w.prefix);
    const broker = scriptedBroker();
    w.registry.register(7, live(broker.client));
    w.gate.markReconciled(7);
    broker.answer({ availablePaise: 40_00, usedPaise: 0, asOfMs: 0 });
    await w.shared.writeHeld();
    await eventually(async () => (await w.stored()) !== null);
    const offPeriod = REFRESH_MS * OFF_SESSION_REFRESH_FACTOR;
    expect(await w.stored()).toMatchObject({ freshForMs: offPeriod * FRESH_FOR_PERIODS });

    w.wall.advance(offPeriod - 1);
    await w.shared.writeHeld();
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.calls()).toBe(1);
    w.wall.advance(1);
    await w.shared.writeHeld();
    await eventually(async () => broker.calls() === 2);

    // The api process still answers a figure half an hour old (it is vouched for 40 minutes), not one older.
    const asOf = (await w.stored())!['asOfWallMs'] as number;
    a.wall.advance(asOf + 30 * 60_000 - a.wall.nowMs());
    expect(await a.margins.marginOf(7)).toMatchObject({ availablePaise: 40_00, asOfMs: asOf });
    a.wall.advance(10 * 60_000 + 1);
    expect(await a.margins.marginOf(7)).toBeNull();
  });

  it("answers in an `api` process what the worker stored: a LIVE figure with its as-of while fresh, unknown once older than the limit", async () => {
    const w = processOf('worker');
    const a = processOf('api', w.prefix);
    expect(a.shared.readsShared).toBe(true);
    await redis.hset(sharedMarginsKey(w.prefix), '7', liveMarginRecord({ availablePaise: 30_00, usedPaise: 5_00, asOfMs: 1 }, a.wall.nowMs() - 1_000));
    expect(await a.margins.marginOf(7)).toEqual({ availablePaise: 30_00, usedPaise: 5_00, asOfMs: a.wall.nowMs() - 1_000 });
    a.wall.advance(LIVE_MARGIN_MAX_AGE_MS - 1_000);
    expect(await a.margins.marginOf(7)).not.toBeNull();
    a.wall.advance(1);
    expect(await a.margins.marginOf(7)).toBeNull();
    expect(await a.margins.margin(7)).toEqual({ availablePaise: 0, usedPaise: 0, asOfMs: 0 });
  });
});

describe('stored margin values and the refresh schedule', () => {
  it('reads a paper value while its write is fresh, a LIVE one by its own age limit, and garbage as nothing', () => {
    const paper: BrokerMargin = { availablePaise: 9_00, usedPaise: 1_00, asOfMs: 42 };
    const written = paperMarginRecord(paper, 1_000_000);
    expect(marginOfStored(written, 1_000_000 + LIVE_MARGIN_MAX_AGE_MS)).toEqual(paper);
    // A stopped worker's last paper figure is not current; a value without its write time is not vouched for.
    expect(marginOfStored(written, 1_000_001 + LIVE_MARGIN_MAX_AGE_MS)).toBeNull();
    expect(marginOfStored(JSON.stringify(paper), 0)).toBeNull();
    const slow = liveMarginRecord(paper, 1_000_000, 40 * 60_000);
    expect(marginOfStored(slow, 1_000_000 + 40 * 60_000)).toEqual({ availablePaise: 9_00, usedPaise: 1_00, asOfMs: 1_000_000 });
    expect(marginOfStored(slow, 1_000_001 + 40 * 60_000)).toBeNull();
    const record = liveMarginRecord({ availablePaise: 9_00, usedPaise: 1_00, asOfMs: 42 }, 1_000_000);
    expect(marginOfStored(record, 1_000_000 + LIVE_MARGIN_MAX_AGE_MS)).toEqual({ availablePaise: 9_00, usedPaise: 1_00, asOfMs: 1_000_000 });
    expect(marginOfStored(record, 1_000_001 + LIVE_MARGIN_MAX_AGE_MS)).toBeNull();
    expect([marginOfStored(null, 0), marginOfStored('{"availablePaise":', 0), marginOfStored('7', 0)]).toEqual([null, null, null]);
  });

  it('doubles the wait after failures in a row up to the cap, takes a longer Retry-After, and starts afresh after a success', () => {
    const s = new LiveMarginSchedule(30_000);
    expect(s.isDue(1, 0)).toBe(true);
    expect([s.failed(1, 0, new Error('x')), s.failed(1, 0, new Error('x')), s.failed(1, 0, new Error('x'))]).toEqual([30_000, 60_000, 120_000]);
    for (let i = 0; i < 10; i++) s.failed(1, 0, new Error('x'));
    expect(s.failed(1, 0, new Error('x'))).toBe(LIVE_MARGIN_MAX_BACKOFF_MS);
    s.stored(1, 1_000);
    expect([s.isDue(1, 30_999), s.isDue(1, 31_000)]).toEqual([false, true]);
    expect(s.failed(1, 0, new BrokerError('RATE_LIMITED', 'slow down', { retryAfterMs: 45_000 }))).toBe(45_000);
  });
});
