import { KOTAK_TEST_START_MS, KotakNeoFakeServer, neoFaults } from '@mcube/brokers-kotak-neo/testing';
import type { AccountSummaryResponse } from '@mcube/contracts';
import type { BrokerMargin, Clock } from '@mcube/domain';
import type Redis from 'ioredis';
import { loadIoredis } from '../../src/common/redis/load-ioredis';
import { parseCredentialKey } from '../../src/config/load-config';
import { credentialAad, CredentialCipher } from '../../src/modules/accounts/credentials/credential-cipher';
import { ApiCredential } from '../../src/modules/accounts/entities/api-credential.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';
import { AccountMarginService } from '../../src/modules/orders/account-margin.service';
import { EXECUTION_CLIENTS, type ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { isLiveClient } from '../../src/modules/orders/live/broker-connections.service';
import { FRESH_FOR_PERIODS, LIVE_MARGIN_REFRESH_MS } from '../../src/modules/orders/live/live-margin-schedule';
import { sharedMarginsKey } from '../../src/modules/orders/paper/shared-account-margins';
import { LIVE_MARGIN_MAX_AGE_MS, type StoredLiveMargin } from '../../src/modules/orders/paper/shared-margin-record';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { capturedLogs, login, type SecurityApp, type SessionAuth, startSecurityApp, TEST_SECRETS } from '../security/security-app';
import { until } from './until';

// Issue 13 process roles, a LIVE account's margin: an `api` app (no broker client) and a `worker`
// app (the account's lease, its Kotak session) on one database and real Redis under a prefix of
// this run, the worker talking to the local Kotak Neo stand-in. The worker stores the broker's
// margin with its wall-clock fetch time; the API answers it while fresh and as unknown once old.
describe('LIVE account margins in split roles (real Redis, fake Kotak Neo)', () => {
  const prefix = uniquePrefix();
  // The worker's and the fake broker's wall clock (its TOTP check): Kotak's test morning, moving with real time.
  const t0 = Date.now();
  const workerWall: Clock = { nowMs: () => KOTAK_TEST_START_MS + (Date.now() - t0) };
  // The API's wall clock, which a test moves ahead to age the stored figure.
  let apiAheadMs = 0;
  const apiWall: Clock = { nowMs: () => workerWall.nowMs() + apiAheadMs };
  const REFRESH_MS = 500;
  let server: KotakNeoFakeServer;
  let api: SecurityApp;
  let worker: SecurityApp | undefined;
  let trader: SessionAuth;
  let redis: Redis;

  const field = (accountId: number) => redis.hget(sharedMarginsKey(prefix), String(accountId));
  const apiMargin = (accountId: number): Promise<BrokerMargin | null> => api.app.get(AccountMarginService, { strict: false }).marginOf(accountId);
  const summaryMargin = async (accountId: number) => {
    const res = await api.http().get('/api/accounts/summary').set('cookie', trader.cookie).expect(200);
    return (res.body as AccountSummaryResponse[]).find((s) => s.accountId === accountId)?.margin;
  };
  const limitsCalls = () => server.requests('limits').length;

  beforeAll(async () => {
    server = await KotakNeoFakeServer.start({ clock: workerWall });
    const env = {
      REDIS_URL: SHARED_REDIS_URL,
      MCUBE_QUEUE_PREFIX: prefix,
      MCUBE_SHARED_DATA: process.env['MCUBE_SHARED_DATA'],
      MCUBE_LIVE_TRADING: 'true',
      KOTAK_NEO_LOGIN_URL: server.loginUrl,
    };
    const refresh = { provide: LIVE_MARGIN_REFRESH_MS, useValue: REFRESH_MS };
    api = await startSecurityApp({
      env: { ...env, MCUBE_ROLE: 'api' },
      overrides: [{ provide: WALL_CLOCK, useValue: apiWall }, refresh],
      // The Kotak account's credentials are the fake broker's, sealed as the accounts module stores them.
      beforeBoot: async (ds, seeded) => {
        const cipher = new CredentialCipher({ current: parseCredentialKey(TEST_SECRETS.credentialsKey) });
        const accountId = seeded.accounts.kotakId;
        const a = server.account;
        const values: Record<string, string> = { consumerKey: a.consumerKey, ucc: a.ucc, mobileNumber: a.mobileNumber, totpSecret: a.totpSecret, mpin: a.mpin };
        await ds.getRepository(ApiCredential).insert(Object.entries(values).map(([name, value]) => ({ accountId, field: name, ...cipher.seal(value, credentialAad(accountId, name)) })));
      },
    });
    worker = await startSecurityApp({ db: api.db, env: { ...env, MCUBE_ROLE: 'worker' }, overrides: [{ provide: WALL_CLOCK, useValue: workerWall }, refresh] });
    trader = await login(api, 'trader');
    redis = new (loadIoredis())(SHARED_REDIS_URL);
  }, 240_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await server?.stop();
    await redis?.quit();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  let firstStored: StoredLiveMargin;

  it("stores a LIVE account's broker margin with its wall-clock as-of (the paper figure of before dropped); the API answers it, REST included", async () => {
    const kotakId = api.accounts.kotakId;
    // PAPER first: the worker's paper book's figure, as before.
    const paper = await until('the paper margin in the API', async () => (await apiMargin(kotakId)) ?? undefined);
    expect(paper.availablePaise).not.toBe(5_876_543_211);

    // The account goes LIVE (stored by another process): the worker's order sync connects the Kotak adapter.
    // Kotak does not answer the margin yet: the paper book's figure is dropped, not shown as the LIVE account's.
    server.inject('limits', neoFaults.serverError(503), 100_000);
    await api.dataSource.getRepository(BrokerAccount).update({ id: kotakId }, { isPaperTrading: false });
    const switchedAt = workerWall.nowMs();
    await until('the LIVE Kotak client in the worker', () => (isLiveClient(worker!.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).get(kotakId)) ? true : undefined));
    await until('the paper figure dropped', async () => ((await field(kotakId)) === null ? true : undefined));
    expect(await apiMargin(kotakId)).toBeNull();
    server.clearFaults();
    const raw = await until('the LIVE margin stored', async () => {
      const v = await field(kotakId);
      return v !== null && (JSON.parse(v) as { source?: string }).source === 'LIVE' ? v : undefined;
    });
    firstStored = JSON.parse(raw) as StoredLiveMargin;
    // Kotak's figures (the fake's funds: Net 58,765,432.11 rupees, 1,234,567.89 used), fetched after the switch, on the wall clock.
    expect(firstStored).toEqual({ source: 'LIVE', availablePaise: 5_876_543_211, usedPaise: 123_456_789, asOfWallMs: expect.any(Number), freshForMs: REFRESH_MS * FRESH_FOR_PERIODS });
    expect(firstStored.asOfWallMs).toBeGreaterThanOrEqual(switchedAt);
    expect(firstStored.asOfWallMs).toBeLessThanOrEqual(workerWall.nowMs());

    // The API, which has no client at all, answers the stored figure with its as-of.
    expect(api.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).entries()).toEqual([]);
    const inApi = await apiMargin(kotakId);
    expect(inApi).toMatchObject({ availablePaise: 5_876_543_211, usedPaise: 123_456_789 });
    expect(inApi!.asOfMs).toBeGreaterThanOrEqual(firstStored.asOfWallMs);
    expect(inApi!.asOfMs).toBeLessThanOrEqual(apiWall.nowMs());
    const rest = await until('the LIVE margin on the dashboard', async () => {
      const m = await summaryMargin(kotakId);
      return m?.availablePaise === 5_876_543_211 ? m : undefined;
    });
    expect(rest).toEqual({ availablePaise: 5_876_543_211, usedPaise: 123_456_789, asOfMs: expect.any(Number) });
    expect(rest!.asOfMs).toBeGreaterThanOrEqual(firstStored.asOfWallMs);

    // A new broker figure is what the next refresh stores.
    server.setFunds({ netPaise: 4_000_000_000 });
    await until('the refreshed LIVE margin in the API', async () => ((await apiMargin(kotakId))?.availablePaise === 4_000_000_000 ? true : undefined));
  }, 240_000);

  it('stores nothing when the broker fails to answer the margin, and logs it without secrets', async () => {
    const kotakId = api.accounts.kotakId;
    server.inject('limits', neoFaults.serverError(503), 100_000);
    // A failed call after the fault went in, then the stored figure is removed: only a success could bring one back.
    const before = limitsCalls();
    await until('a failed margin call', () => (limitsCalls() > before ? true : undefined));
    await redis.hdel(sharedMarginsKey(prefix), String(kotakId));
    const afterDelete = limitsCalls();
    await until('two more failed margin calls', () => (limitsCalls() >= afterDelete + 2 ? true : undefined));
    expect(await field(kotakId)).toBeNull();
    expect(await apiMargin(kotakId)).toBeNull();
    const lines = capturedLogs.filter((l) => l.includes(`account ${kotakId}: live margin not stored`));
    expect(lines.some((l) => l.includes('TEMPORARY'))).toBe(true);
    const a = server.account;
    for (const secret of [a.consumerKey, a.totpSecret, a.mpin, a.mobileNumber]) expect(lines.join('\n')).not.toContain(secret);

    // The broker answers again: the next refresh stores its figure.
    server.clearFaults();
    await until('the LIVE margin stored again', async () => ((await apiMargin(kotakId))?.availablePaise === 4_000_000_000 ? true : undefined));
  }, 240_000);

  it('answers a LIVE figure older than the limit as unknown (the worker gone), and a paper figure older than its own', async () => {
    const kotakId = api.accounts.kotakId;
    await worker!.stop();
    worker = undefined;
    const stored = JSON.parse((await field(kotakId))!) as StoredLiveMargin;
    // Still within the limit: answered, with its as-of.
    expect(await apiMargin(kotakId)).toEqual({ availablePaise: 4_000_000_000, usedPaise: 123_456_789, asOfMs: stored.asOfWallMs });

    // The API's wall clock past the limit the worker gave it (four refresh periods in session): the same stored value is unknown, on the dashboard too.
    apiAheadMs = stored.freshForMs! + 1_000;
    expect(apiWall.nowMs() - stored.asOfWallMs).toBeGreaterThan(stored.freshForMs!);
    expect(await field(kotakId)).not.toBeNull();
    expect(await apiMargin(kotakId)).toBeNull();
    await until('an unknown margin on the dashboard', async () => ((await summaryMargin(kotakId)) === null ? true : undefined));
    // The paper account's last figure, written by the stopped worker a moment ago, is still answered; once older than its limit, unknown too.
    expect((await apiMargin(api.accounts.iciciId))?.availablePaise).toBeGreaterThan(0);
    apiAheadMs = LIVE_MARGIN_MAX_AGE_MS + 1_000;
    expect(await apiMargin(api.accounts.iciciId)).toBeNull();
  }, 240_000);
});
