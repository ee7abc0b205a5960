import { BREEZE_TRADE_DAY } from '@mcube/brokers-icici-breeze/testing';
import { AppException } from '../../src/common/errors/app-exception';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { InstrumentContract } from '../../src/modules/data/entities/instrument-contract.entity';
import { BrokerSession } from '../../src/modules/orders/entities/broker-session.entity';
import { InstrumentStore } from '../../src/modules/data/instruments/instrument-store.service';
import { isLiveClient } from '../../src/modules/orders/live/broker-connections.service';
import { IciciLiveBrokers } from '../../src/modules/orders/live/icici/icici-live-brokers.service';
import { ICICI_SESSION_KEY, startIciciLive, type IciciLiveHarness } from './icici-live-harness';

const refusal = async (p: Promise<unknown>): Promise<AppException> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppException);
  return e as AppException;
};
const failed = (e: AppException) => (e.details['checks'] as { name: string; ok: boolean; code?: string }[]).filter((c) => !c.ok);

describe('ICICI live wiring: the day session key, the security master, the guarded switch (local Breeze server over loopback)', () => {
  let h: IciciLiveHarness;
  afterEach(async () => h?.close());

  it('shows the login link; a valid key is exchanged through customerdetails and stored sealed (no key or token in clear), audited without the key', async () => {
    h = await startIciciLive();
    const before = await h.sessions.status(h.account.id);
    expect(before).toMatchObject({ hasSessionToday: false, today: BREEZE_TRADE_DAY });
    expect(new URL(before.loginUrl ?? '').searchParams.get('api_key')).toBe('app+Key=1!');
    expect(before.loginUrl?.startsWith(h.server.loginUrl)).toBe(true);
    const after = await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    expect(after.hasSessionToday).toBe(true);
    expect(after.session).toMatch(/XY\*\*\*\*21 from 2026-08-20/);
    expect(h.server.calls.filter((c) => c.endpoint === 'customerdetails')).toHaveLength(1);
    const row = await h.dataSource.getRepository(BrokerSession).findOneByOrFail({ accountId: h.account.id });
    expect([row.sessionDate, row.lastLoginOk]).toEqual([BREEZE_TRADE_DAY, true]);
    const token = Buffer.from(`XY604721:${ICICI_SESSION_KEY}`).toString('base64');
    const dump = JSON.stringify(await h.dataSource.query('SELECT * FROM broker_sessions')) + JSON.stringify(await h.dataSource.getRepository(AuditLogEntity).find());
    expect(dump).not.toContain(ICICI_SESSION_KEY);
    expect(dump).not.toContain(token);
    const audit = await h.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['broker.session.entered']);
    // Every signed call of the adapter now carries the day's session (the server verifies each checksum).
    await expect(h.live.executionClientFor(h.account.id).availableMargin()).resolves.toMatchObject({ availablePaise: expect.any(Number) });
  });

  it('a bad key ("Invalid session."), an expired one ("Resource not available."), a 5xx and a timeout are refused with clear codes; nothing is stored; each refusal is audited', async () => {
    h = await startIciciLive();
    let e = await refusal(h.sessions.enter(h.account.id, '99999999'));
    expect([e.code, e.message]).toEqual(['DOMAIN_RULE_VIOLATED', expect.stringMatching(/ICICI refused the session key/)]);
    h.server.acceptSessionKey('55550000', 'XY604721');
    h.server.expireSessionKey('55550000');
    e = await refusal(h.sessions.enter(h.account.id, '55550000'));
    expect(e.code).toBe('DOMAIN_RULE_VIOLATED');
    h.server.faults.inject({ endpoint: 'customerdetails', mode: 'HTTP_STATUS', status: 503 });
    e = await refusal(h.sessions.enter(h.account.id, ICICI_SESSION_KEY));
    expect([e.code, e.message]).toEqual(['SERVICE_UNAVAILABLE', expect.stringMatching(/TEMPORARY/)]);
    h.server.faults.inject({ endpoint: 'customerdetails', mode: 'DELAY', ms: 5_000 });
    e = await refusal(h.sessions.enter(h.account.id, ICICI_SESSION_KEY));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    const row = await h.dataSource.getRepository(BrokerSession).findOneByOrFail({ accountId: h.account.id });
    expect([row.ciphertext, row.lastLoginOk, row.lastLoginError]).toEqual([null, false, expect.stringMatching(/./)]);
    expect((await h.sessions.status(h.account.id)).hasSessionToday).toBe(false);
    const audit = await h.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['broker.session.refused', 'broker.session.refused', 'broker.session.refused', 'broker.session.refused']);
    // A Kotak account takes no ICICI key.
    await h.dataSource.getRepository(BrokerAccount).update({ id: h.account.id }, { broker: 'KOTAK' });
    expect((await refusal(h.sessions.enter(h.account.id, ICICI_SESSION_KEY))).message).toMatch(/only ICICI accounts/);
  });

  it('no key by 08:45 on a trading day raises WARNING, by 09:10 CRITICAL (market clock); a key entered in time raises nothing; a holiday raises nothing', async () => {
    h = await startIciciLive({ time: '08:44:00' });
    const run = (job: 'brokers.icici-session-warning' | 'brokers.icici-session-critical') => h.handlers.handlerFor(job)({ slot: 'x' } as never, {} as never);
    h.at(BREEZE_TRADE_DAY, '08:45:00');
    await run('brokers.icici-session-warning');
    h.at(BREEZE_TRADE_DAY, '09:10:00');
    await run('brokers.icici-session-critical');
    const alerts = await h.dataSource.getRepository(Alert).find({ order: { id: 'ASC' } });
    expect(alerts.map((a) => [a.severity, a.accountId, a.title])).toEqual([
      ['WARNING', h.account.id, expect.stringContaining('at 08:45 IST')],
      ['CRITICAL', h.account.id, expect.stringContaining('at 09:10 IST')],
    ]);
    expect(alerts[1].message).toMatch(/cannot switch to LIVE \(ICICI_SESSION_MISSING\)/);

    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    await run('brokers.icici-session-critical');
    expect(await h.dataSource.getRepository(Alert).count()).toBe(2);

    // Saturday 2026-08-22: not a trading day.
    h.at('2026-08-22', '09:10:00');
    expect(await h.sessions.checkMissing('CRITICAL')).toEqual([]);
  });

  it('cannot switch to LIVE without the day\'s key (ICICI_SESSION_MISSING, audited); with it and the master it goes LIVE and the registry holds the Breeze adapter', async () => {
    h = await startIciciLive({ day: '2026-08-19', time: '09:00:00' });
    const id = h.account.id;
    // Yesterday's key is not today's.
    await h.sessions.enter(id, ICICI_SESSION_KEY);
    h.at(BREEZE_TRADE_DAY, '09:30:00');
    await h.handlers.handlerFor('instruments.refresh')({ slot: 'x' } as never, {} as never);
    const e = await refusal(h.modes.switchMode(id, 'LIVE', `LIVE ${h.account.accountNumber}`));
    expect(failed(e).map((c) => [c.name, c.code])).toEqual([
      ['LOGIN_TODAY', 'ICICI_SESSION_MISSING'],
      ['BROKER_RECONCILED', undefined],
    ]);
    expect(e.message).toMatch(/ICICI_SESSION_MISSING/);
    expect(JSON.parse(String((await h.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'account.mode.refused' })).newValue))).toMatchObject({ failed: ['LOGIN_TODAY', 'BROKER_RECONCILED'] });
    expect((await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id })).isPaperTrading).toBe(true);
    expect(isLiveClient(h.registry.get(id))).toBe(false);

    await h.sessions.enter(id, ICICI_SESSION_KEY);
    const status = await h.modes.switchMode(id, 'LIVE', `LIVE ${h.account.accountNumber}`);
    expect(status.mode).toBe('LIVE');
    // Only the typed words are missing from a status read after the switch.
    expect(status.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['CONFIRMATION']);
    expect(isLiveClient(h.registry.get(id))).toBe(true);
    expect(h.registry.get(id)?.broker).toBe('ICICI');
  });

  it('instruments.refresh stores ICICI\'s F&O contracts (NSE names, not ICICI short names) and they resolve orders after a restart', async () => {
    h = await startIciciLive();
    await h.handlers.handlerFor('instruments.refresh')({ slot: 'x' } as never, {} as never);
    const rows = await h.dataSource.getRepository(InstrumentContract).find({ where: { broker: 'ICICI', masterDate: BREEZE_TRADE_DAY } });
    expect(rows.length).toBeGreaterThan(20);
    const underlyings = new Set(rows.map((r) => r.underlying));
    expect(underlyings).toContain('RELIANCE');
    expect(underlyings).toContain('BANKNIFTY');
    expect(underlyings).not.toContain('RELIND');
    expect(underlyings).not.toContain('CNXBAN');
    expect(h.instruments.lotSizeFor('RELIANCE', '2026-08-25')).toBe(500);
    expect(rows.find((r) => r.underlying === 'RELIANCE' && r.kind === 'FUT' && r.expiry === '2026-08-25')?.tradingSymbol).toBe('RELIND:2026-08-25:FUT');
    // A restarted process restores the stored master: RELIANCE resolves to ICICI's RELIND before the day's refresh.
    const store = new InstrumentStore(h.dataSource);
    await store.reload();
    // The stored master is the domain's InstrumentMaster: our id ↔ ICICI's symbol (and back).
    const relianceFut = { underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-08-25' } as const;
    expect(store.masterOf('ICICI')?.listingOf(relianceFut)).toMatchObject({ tradingSymbol: 'RELIND:2026-08-25:FUT', lotSize: 500, segment: 'NFO-FUT' });
    expect(store.masterOf('ICICI')?.instrumentOf('RELIND:2026-08-25:FUT')).toEqual(relianceFut);
    expect(store.masterOf('KOTAK')).toBeUndefined();
    const restarted = new IciciLiveBrokers(h.dataSource, h.config, h.clock, async () => undefined, store, h.killSwitch, h.alerts);
    await restarted.kitFor(h.account.id);
    expect(restarted.resolver.toBreeze({ underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-08-25' })?.stockCode).toBe('RELIND');
    expect(restarted.resolver.toBreeze({ underlying: 'BANKNIFTY', kind: 'FUT', expiry: '2026-08-25' })?.stockCode).toBe('CNXBAN');
    restarted.onModuleDestroy();
  });

  it('without MCUBE_LIVE_TRADING nothing calls ICICI: no master, no session alerts', async () => {
    h = await startIciciLive({ liveTrading: false, time: '09:10:00' });
    await h.handlers.handlerFor('instruments.refresh')({ slot: 'x' } as never, {} as never);
    await h.handlers.handlerFor('brokers.icici-session-critical')({ slot: 'x' } as never, {} as never);
    expect(h.server.calls).toEqual([]);
    expect(await h.dataSource.getRepository(Alert).count()).toBe(0);
  });
});
