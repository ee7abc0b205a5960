import { fixtureMaster, masterWithCell, masterWithLotSize } from '@mcube/brokers-kotak-neo/testing';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { InstrumentContract } from '../../src/modules/data/entities/instrument-contract.entity';
import { BrokerSession } from '../../src/modules/orders/entities/broker-session.entity';
import { isLiveClient } from '../../src/modules/orders/live/broker-connections.service';
import { AppException } from '../../src/common/errors/app-exception';
import { startKotakLive, type KotakLiveHarness } from './kotak-live-harness';

const failedChecks = async (p: Promise<unknown>): Promise<string[]> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppException);
  return ((e as AppException).details['checks'] as { name: string; ok: boolean }[]).filter((c) => !c.ok).map((c) => c.name);
};

describe('Kotak live wiring: daily login, scrip master, the guarded switch (fake Neo server over loopback)', () => {
  let h: KotakLiveHarness;
  afterEach(async () => h?.close());

  it('brokers.login stores the session sealed (no token in clear) and records the login; a refused MPIN raises CRITICAL and records the failure', async () => {
    h = await startKotakLive();
    expect(await h.jobs.loginAll()).toEqual([]);
    const row = await h.dataSource.getRepository(BrokerSession).findOneByOrFail({ accountId: h.account.id });
    expect(row.lastLoginOk).toBe(true);
    expect(row.lastLoginDate).toBe('2026-08-10');
    expect(row.sessionDate).toBe('2026-08-10');
    const token = h.live.brokerFor(h.account.id).sessions.current()!.serialize().token;
    expect(row.ciphertext).not.toContain(token);
    expect(JSON.stringify(await h.dataSource.query('SELECT * FROM broker_sessions'))).not.toContain(token);
    // Another process (not the session owner) uses the stored session and never logs in.
    const logins = h.server.loginAttempts().length;
    const reader = await startKotakLiveReader(h);
    expect((await reader.listOrders()).length).toBe(0);
    // With no session stored today, it refuses rather than logging in.
    await h.dataSource.getRepository(BrokerSession).update({ accountId: h.account.id }, { ciphertext: null });
    const fresh = await startKotakLiveReader(h);
    await expect(fresh.listOrders()).rejects.toThrow(/does not own the broker session/);
    expect(h.server.loginAttempts().length).toBe(logins);

    await h.close();
    h = await startKotakLive();
    h.server.inject('validate', { type: 'RESPOND', status: 200, body: { stat: 'Not_Ok', stCode: 10511, errMsg: 'Invalid MPIN' } });
    expect(await h.jobs.loginAll()).toEqual([h.account.id]);
    const failed = await h.dataSource.getRepository(BrokerSession).findOneByOrFail({ accountId: h.account.id });
    expect([failed.lastLoginOk, failed.lastLoginError]).toEqual([false, expect.stringMatching(/./)]);
    const alerts = await h.dataSource.getRepository(Alert).find();
    expect(alerts.map((a) => [a.severity, a.title])).toEqual([['CRITICAL', expect.stringContaining('Kotak login failed')]]);
  });

  it('instruments.refresh stores the master as the authority; a changed lot size warns with both values and is used; a broken file keeps the previous master', async () => {
    h = await startKotakLive();
    await h.jobs.loginAll();
    expect(await h.jobs.refreshInstruments()).toBe(true);
    const stored = await h.dataSource.getRepository(InstrumentContract).count({ where: { broker: 'KOTAK', masterDate: '2026-08-10' } });
    expect(stored).toBeGreaterThan(50);
    expect(h.instruments.lotSizeFor('NIFTY', '2026-08-25')).toBe(65);

    h.server.setMaster({ ...fixtureMaster(), nseFo: masterWithLotSize(fixtureMaster().nseFo, 'NIFTY', 75) });
    expect(await h.jobs.refreshInstruments()).toBe(true);
    expect(h.instruments.lotSizeFor('NIFTY', '2026-08-25')).toBe(75);
    const warning = await h.dataSource.getRepository(Alert).findOneByOrFail({ severity: 'WARNING' });
    expect(warning.message).toMatch(/NIFTY 2026-08-25: lot size 75 in Kotak's master, 65 in mCube's dated table/);

    h.server.setMaster({ ...fixtureMaster(), nseFo: masterWithCell(fixtureMaster().nseFo, 'NIFTY26AUG24500CE', 'lLotSize', 'abc') }, { serveOnly: true });
    expect(await h.jobs.refreshInstruments()).toBe(false);
    expect(h.instruments.lotSizeFor('NIFTY', '2026-08-25')).toBe(75);
    expect(await h.dataSource.getRepository(InstrumentContract).count({ where: { masterDate: '2026-08-10' } })).toBe(stored);
    const failure = await h.dataSource.getRepository(Alert).find({ order: { id: 'ASC' } });
    expect(failure.at(-1)?.title).toMatch(/could not be loaded/);
    expect(failure.at(-1)?.message).toMatch(/The master of 2026-08-10 stays in use/);
  });

  it('keeps the account on PAPER naming every unmet condition, then switches to LIVE (admin words, audited) and back to PAPER', async () => {
    h = await startKotakLive();
    const id = h.account.id;
    expect(await failedChecks(h.modes.switchMode(id, 'LIVE', 'yes'))).toEqual(['LOGIN_TODAY', 'MASTER_TODAY', 'BROKER_RECONCILED', 'CONFIRMATION']);
    await h.jobs.loginAll();
    await h.jobs.refreshInstruments();
    // A position at the broker that mCube does not know: reconciliation would fail, so no switch.
    h.server.seedPosition('NIFTY26AUG24500CE', 'NRML', -65, 100);
    expect(await failedChecks(h.modes.switchMode(id, 'LIVE', `LIVE ${h.account.accountNumber}`))).toEqual(['BROKER_RECONCILED']);
    expect(isLiveClient(h.registry.get(id))).toBe(false);
    // The position is closed at the broker (bought back): the book is flat again.
    h.server.seedPosition('NIFTY26AUG24500CE', 'NRML', 65, 100);

    const status = await h.modes.switchMode(id, 'LIVE', `LIVE ${h.account.accountNumber}`);
    expect(status.mode).toBe('LIVE');
    expect(isLiveClient(h.registry.get(id))).toBe(true);
    expect(h.gate.stateOf(id)).toBe('RECONCILED');
    const audit = await h.dataSource.getRepository(AuditLogEntity).find({ where: { entity: 'broker_account' }, order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['account.mode.refused', 'account.mode.refused', 'account.mode']);
    expect(JSON.parse(audit[2].newValue!)).toMatchObject({ mode: 'LIVE' });

    await h.modes.switchMode(id, 'PAPER');
    expect((await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id })).isPaperTrading).toBe(true);
    expect(isLiveClient(h.registry.get(id))).toBe(false);
    expect(h.registry.get(id)?.broker).toBe('PAPER');
  });

  it('refuses LIVE without MCUBE_LIVE_TRADING or credentials (and never calls Kotak then)', async () => {
    h = await startKotakLive({ liveTrading: false });
    expect(await failedChecks(h.modes.switchMode(h.account.id, 'LIVE', `LIVE ${h.account.accountNumber}`))).toEqual(['LIVE_TRADING_ENABLED', 'LOGIN_TODAY', 'MASTER_TODAY', 'BROKER_RECONCILED']);
    expect(await h.jobs.loginAll()).toEqual([]);
    expect(h.server.requests()).toEqual([]);
    await h.close();
    h = await startKotakLive({ credentials: false });
    expect(await failedChecks(h.modes.switchMode(h.account.id, 'LIVE', `LIVE ${h.account.accountNumber}`))).toEqual(['CREDENTIALS', 'LOGIN_TODAY', 'MASTER_TODAY', 'BROKER_RECONCILED']);
  });
});

/** The live client another process (no session ownership) builds over the same database. */
async function startKotakLiveReader(h: KotakLiveHarness) {
  const { KotakLiveBrokers } = await import('../../src/modules/orders/live/kotak-live-brokers.service');
  const other = new KotakLiveBrokers(h.dataSource, { ...h.config, jobs: { ...h.config.jobs, runWorkers: false } }, h.clock, async () => undefined, h.instruments, undefined as never, undefined as never, undefined as never, { timeouts: { readMs: 1_500 } });
  return other.executionClientFor(h.account.id);
}
