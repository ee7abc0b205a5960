import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixtureMasterTexts } from '@mcube/brokers-icici-breeze/testing';
import { addDays, istDateTimeOf } from '@mcube/domain';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { runBrokerCheck, type BrokerCheckStep } from '../../src/modules/orders/live/broker-check';
import { ICICI_SESSION_KEY, startIciciLive, type IciciLiveHarness } from './icici-live-harness';
import { testOrderPositions } from './test-order-positions';

const summary = (steps: readonly BrokerCheckStep[]) => steps.map((s) => `${s.ok ? 'PASS' : 'FAIL'} ${s.step}`);
const READS = ['PASS config', 'PASS session', 'PASS master', 'PASS funds', 'PASS positions', 'PASS open orders'];
const ADMIN = { username: 'lead', role: 'admin' } as const;

describe('broker:check --place-test-order of an ICICI account against the local Breeze server, through the order gateway', () => {
  let h: IciciLiveHarness;
  beforeEach(async () => {
    h = await startIciciLive();
    // NIFTY at 23,000: the fixture master's nearest NIFTY strike ≥ 10% above is 25,300 (CE, 25-Aug-2026).
    h.server.market.setCashQuote('NIFTY', { ltp: 23_000 });
  });
  afterEach(async () => h.close());
  const check = (confirmWithinMs?: number) => runBrokerCheck({ dataSource: h.dataSource, config: h.config, accountId: h.account.id, wallClock: h.clock, iciciHosts: h.hosts, placeTestOrder: true, confirmWithinMs, positions: testOrderPositions(h.dataSource) });
  const orders = () => h.dataSource.getRepository(Order).find({ where: { accountId: h.account.id }, order: { id: 'ASC' } });
  const placeCalls = () => h.server.callsTo('order', 'POST');
  const stateOf = async () => (await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: h.account.id })).tradingState;

  it('places a 1-lot BUY LIMIT at ₹0.05 of a NIFTY option ≥ 10% OTM through the gateway (journaled TEST_ORDER, audited), cancels it and confirms CANCELED from ICICI\'s order book', async () => {
    await h.goLive();
    const r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'PASS test order placed', 'PASS test order cancelled']);
    expect(r.ok).toBe(true);
    const place = placeCalls();
    expect(place).toHaveLength(1);
    expect(place[0].checksum).toBe('VALID');
    expect(place[0].body).toMatchObject({ stock_code: 'NIFTY', exchange_code: 'NFO', product: 'options', action: 'buy', order_type: 'limit', quantity: '65', right: 'call' });
    expect(Number(place[0].body?.['price'])).toBe(0.05);
    expect(Number(place[0].body?.['strike_price'])).toBe(25_300);
    expect(h.server.callsTo('order', 'DELETE')).toHaveLength(1);
    const [row] = await orders();
    expect([row.purpose, row.side, row.quantity, row.limitPricePaise, row.status]).toEqual(['TEST_ORDER', 'BUY', 65, 5, 'CANCELED']);
    expect(place[0].body?.['user_remark']).toBe(row.clientOrderId);
    expect(h.server.book.find(row.clientOrderId).status).toBe('Cancelled');
    expect(r.steps.at(-1)?.detail).toMatch(/CANCELED, confirmed in the broker's order book/);
    const audit = await h.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'broker.test_order' } });
    expect(audit.map((a) => a.entityId)).toEqual([String(row.id)]);
  });

  it('is refused by the gateway on a PAPER account, with the kill switch on, and with the market closed: "test order placed" fails and nothing reaches ICICI', async () => {
    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    let r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/gateway refused it: TEST_ORDER_INVALID a test order needs a LIVE account/);
    expect(placeCalls()).toEqual([]);

    await h.goLive();
    await h.killSwitch.set('HALTED', 'desk review', h.account.id, ADMIN);
    r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/TRADING_HALTED/);
    expect(placeCalls()).toEqual([]);

    await h.killSwitch.set('ACTIVE', 'reviewed', h.account.id, ADMIN);
    h.at('2026-08-20', '16:00:00');
    r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/OUTSIDE_MARKET_HOURS/);
    expect(placeCalls()).toEqual([]);
    expect(r.ok).toBe(false);
  });

  it('fails "test order cancelled" when ICICI acknowledges the cancel but its order book never shows the order cancelled', async () => {
    await h.goLive();
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'CANCEL_NOT_APPLIED' });
    const r = await check(1_000);
    expect(summary(r.steps)).toEqual([...READS, 'PASS test order placed', 'FAIL test order cancelled']);
    expect(r.steps.at(-1)?.detail).toMatch(/order \d+ is PENDING_CANCEL, the broker says OPEN: not confirmed cancelled; check it at the broker/);
    expect(r.ok).toBe(false);
    const [row] = await orders();
    expect(h.server.book.find(row.clientOrderId).status).toBe('Ordered');
  });

  it('fails "test order cancelled" when ICICI refuses the cancel, and says a position exists when the order filled first', async () => {
    await h.goLive();
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'ENVELOPE', error: 'Order is already executed', status: 500 });
    let r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'PASS test order placed', 'FAIL test order cancelled']);
    expect(r.steps.at(-1)?.detail).toMatch(/the broker refused the cancel of order \d+ .*cancel it by hand/);

    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'FILL_AFTER_CANCEL' });
    r = await check();
    expect(summary(r.steps).at(-1)).toBe('FAIL test order cancelled');
    expect(r.steps.at(-1)?.detail).toMatch(/FILLED 65 units: a position now exists at the broker, close it/);
  });

  it('a halting refusal during the check (the session refused while placing) fails the step with ICICI\'s reason and halts the LIVE account as in trading', async () => {
    await h.goLive();
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'ENVELOPE', error: 'Invalid User Details', status: 500 });
    const r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/Invalid User Details.*ICICI refused the session; a trader must enter the day's API session key.*\(account \d+ HALTED\)/);
    expect(await stateOf()).toBe('HALTED');
    const alerts = await h.dataSource.getRepository(Alert).find({ where: { accountId: h.account.id, severity: 'CRITICAL' } });
    expect(alerts.map((a) => a.title)).toEqual([`ICICI account ${h.account.id} halted by the broker's answer`]);
  });

  it('a halting refusal at the session step halts a LIVE account; on a PAPER account the step fails with the reason and the account is not halted', async () => {
    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    h.server.expireSessionKey(ICICI_SESSION_KEY);
    let r = await runBrokerCheck({ dataSource: h.dataSource, config: h.config, accountId: h.account.id, wallClock: h.clock, iciciHosts: h.hosts, positions: testOrderPositions(h.dataSource) });
    expect(summary(r.steps)).toEqual(['PASS config', 'FAIL session']);
    expect(r.steps.at(-1)?.detail).toMatch(/ICICI refused the session.*\(account \d+ is PAPER: not halted \(a LIVE account would be\)\)/);
    expect(await stateOf()).toBe('ACTIVE');

    h.server.acceptSessionKey(ICICI_SESSION_KEY, 'XY604721');
    await h.goLive();
    h.server.expireSessionKey(ICICI_SESSION_KEY);
    r = await check();
    expect(summary(r.steps)).toEqual(['PASS config', 'FAIL session']);
    expect(r.steps.at(-1)?.detail).toMatch(/ICICI refused the session.*\(account \d+ HALTED\)/);
    expect(await stateOf()).toBe('HALTED');
    expect(placeCalls()).toEqual([]);
  });
});

describe('npm run broker:check -- --account <icici id> --place-test-order (the CLI process against the local Breeze server)', () => {
  it('accepts the flag for ICICI: every read passes and the test order reaches the gateway, which refuses it (a PAPER account; exit 1, nothing sent)', async () => {
    // The CLI runs on the real wall clock: the harness starts now, and the master's expiries move to just after today.
    const now = istDateTimeOf(Date.now());
    const wire = (date: string) => {
      const [y, m, d] = date.split('-');
      return `${d}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]}-${y}`;
    };
    const texts = fixtureMasterTexts();
    const fonse = texts.fonse.replaceAll('25-Aug-2026', wire(addDays(now.date, 2))).replaceAll('29-Sep-2026', wire(addDays(now.date, 9)));
    const h = await startIciciLive({ day: now.date, time: now.time.slice(0, 8), master: { ...texts, fonse } });
    try {
      await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
      h.server.market.setCashQuote('NIFTY', { ltp: 23_000 });
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
      const out = await promisify(execFile)('node', ['-r', '@swc-node/register', 'apps/api/src/cli/broker-check.ts', '--account', String(h.account.id), '--place-test-order'], { cwd: root, env }).catch((e: { code: number; stdout: string }) => e);
      const stdout = (out as { stdout: string }).stdout;
      expect(stdout).not.toMatch(/built for Kotak/);
      expect(stdout.split('\n').filter((l) => /^(PASS|FAIL) /.test(l)).map((l) => l.slice(0, 25).trim())).toEqual([...READS, 'FAIL test order placed']);
      // The refusal is the PAPER one, unless a rule checked before it refuses first on this real date (an expiry past the calendar's horizon in late December).
      expect(stdout).toMatch(/FAIL test order placed .*the gateway refused it: (TEST_ORDER_INVALID a test order needs a LIVE account|CALENDAR_UNCONFIRMED|OUTSIDE_MARKET_HOURS)/);
      expect(stdout).toMatch(/FAILED at step "test order placed"/);
      expect((out as { code: number }).code).toBe(1);
      expect(stdout).not.toContain(ICICI_SESSION_KEY);
      expect(h.server.callsTo('order', 'POST')).toEqual([]);
    } finally {
      await h.close();
    }
  }, 90_000);
});
