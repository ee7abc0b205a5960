import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { istDateTimeOf } from '@mcube/domain';
import { ApiCredential } from '../../src/modules/accounts/entities/api-credential.entity';
import { runBrokerCheck, type BrokerCheckStep } from '../../src/modules/orders/live/broker-check';
import { ICICI_SESSION_KEY, startIciciLive, type IciciLiveHarness } from './icici-live-harness';
import { testOrderPositions } from './test-order-positions';

const summary = (steps: readonly BrokerCheckStep[]) => steps.map((s) => `${s.ok ? 'PASS' : 'FAIL'} ${s.step}`);

describe('broker:check of an ICICI account against the local Breeze server', () => {
  let h: IciciLiveHarness;
  beforeEach(async () => {
    h = await startIciciLive();
  });
  afterEach(async () => h.close());
  const check = () => runBrokerCheck({ dataSource: h.dataSource, config: h.config, accountId: h.account.id, wallClock: h.clock, iciciHosts: h.hosts, positions: testOrderPositions(h.dataSource) });

  it('passes every step with the day\'s session (master with NSE names, funds, positions, open orders), places no order, prints no secret', async () => {
    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    const r = await check();
    expect(summary(r.steps)).toEqual(['PASS config', 'PASS session', 'PASS master', 'PASS funds', 'PASS positions', 'PASS open orders']);
    expect(r.ok).toBe(true);
    const detail = Object.fromEntries(r.steps.map((s) => [s.step, s.detail]));
    expect(detail['session']).toMatch(/XY\*\*\*\*21 from 2026-08-20 accepted by ICICI/);
    expect(detail['master']).toMatch(/\d+ F&O contracts, \d+ cash symbols, 0 rows with an unknown short name; nearest NIFTY expiries 2026-08-25/);
    expect(detail['funds']).toMatch(/available for F&O ₹/);
    expect(detail['open orders']).toBe('no open order');
    expect(h.server.callsTo('order', 'POST')).toEqual([]);
    expect(h.server.calls.filter((c) => c.checksum === 'INVALID')).toEqual([]);
    const text = JSON.stringify(r.steps);
    expect(text).not.toContain(ICICI_SESSION_KEY);
    expect(text).not.toContain('not-a-real-secret-41');
  });

  it('names the failed step: no session key entered (with the login link), an expired key, an unreadable position book, missing credentials', async () => {
    let r = await check();
    expect(summary(r.steps)).toEqual(['PASS config', 'FAIL session']);
    expect(r.steps[1].detail).toMatch(/no ICICI session key entered: open http:\/\/127\.0\.0\.1:\d+\/apiuser\/login\?api_key=/);

    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    h.server.expireSessionKey(ICICI_SESSION_KEY);
    r = await check();
    expect(summary(r.steps)).toEqual(['PASS config', 'FAIL session']);

    h.server.acceptSessionKey(ICICI_SESSION_KEY, 'XY604721');
    h.server.faults.inject({ endpoint: 'portfoliopositions', mode: 'MALFORMED' });
    r = await check();
    expect(summary(r.steps)).toEqual(['PASS config', 'PASS session', 'PASS master', 'PASS funds', 'FAIL positions']);

    await h.dataSource.getRepository(ApiCredential).delete({ accountId: h.account.id, field: 'apiSecret' });
    r = await check();
    expect(summary(r.steps)).toEqual(['FAIL config']);
    expect(r.steps[0].detail).toMatch(/missing: apiSecret/);
  });
});

describe('npm run broker:check -- --account <icici id> (the CLI process, hosts from ICICI_BREEZE_* against the local Breeze server)', () => {
  it('reads the stored credentials and the day\'s session, reaches the local server, and exits 1 naming the first failed step', async () => {
    // The CLI runs on the real wall clock: the harness clock starts now, so the entered session is of today.
    const now = istDateTimeOf(Date.now());
    const h = await startIciciLive({ day: now.date, time: now.time.slice(0, 8) });
    try {
      await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
      const database = h.db.database as { type: 'sqlite'; path: string };
      const env = {
        ...process.env,
        SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        MCUBE_CREDENTIALS_KEY: h.credentialsKeyText,
        SQLITE_PATH: database.path,
        DATABASE_URL: '',
        ICICI_BREEZE_API_URL: h.hosts.apiUrl,
        ICICI_BREEZE_V2_URL: h.hosts.v2Url,
        ICICI_BREEZE_LOGIN_URL: h.hosts.loginUrl,
        ICICI_BREEZE_SECURITY_MASTER_URL: h.hosts.securityMasterUrl,
      };
      const root = join(__dirname, '..', '..', '..', '..');
      const out = await promisify(execFile)('node', ['-r', '@swc-node/register', 'apps/api/src/cli/broker-check.ts', '--account', String(h.account.id)], { cwd: root, env }).catch((e: { code: number; stdout: string }) => e);
      const stdout = (out as { stdout: string }).stdout;
      expect(stdout).toMatch(/PASS config .*ICICI credentials complete, API 127\.0\.0\.1:\d+/);
      expect(stdout).toMatch(/PASS session .*accepted by ICICI/);
      // The fixtures' master ends with 2026's September series: on a later real date no NIFTY option is left.
      if (now.date > '2026-09-29') {
        expect(stdout).toMatch(/FAIL master .*lists no NIFTY option expiring from/);
        expect((out as { code: number }).code).toBe(1);
      }
      expect(stdout).not.toContain(ICICI_SESSION_KEY);
      expect(h.server.callsTo('order', 'POST')).toEqual([]);
    } finally {
      await h.close();
    }
  }, 90_000);
});
