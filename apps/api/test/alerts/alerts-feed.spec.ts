import type { AlertResponse, WsMessage } from '@mcube/contracts';
import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { login, type SecurityApp, type SessionAuth, startSecurityApp } from '../security/security-app';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

const T0 = epochMsOfIst('2026-03-10', '10:00:00');

describe('the in-app alert feed over REST', () => {
  let s: SecurityApp;
  let viewer: SessionAuth;
  let trader: SessionAuth;
  let alerts: AlertsService;
  const clock = new FixedClock(T0 + 3600_000);
  const published: WsMessage[] = [];
  const raised: AlertResponse[] = [];

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: WALL_CLOCK, useValue: clock }] });
    viewer = await login(s, 'viewer');
    trader = await login(s, 'trader');
    s.app.get(AppEventsBus).subscribe((m) => published.push(m));
    alerts = s.app.get(AlertsService);
    const at = (minutes: number) => T0 + minutes * 60_000;
    for (const input of [
      { accountId: s.accounts.kotakId, severity: 'INFO', title: 'report', occurredAtMs: at(0) },
      { accountId: s.accounts.kotakId, severity: 'CRITICAL', title: 'breaker', occurredAtMs: at(10) },
      { accountId: s.accounts.iciciId, severity: 'WARNING', title: 'login failed', occurredAtMs: at(5) },
      { accountId: null, severity: 'WARNING', title: 'feed stale', occurredAtMs: at(20) },
    ] as const) {
      const a = await alerts.raise({ ...input, category: 'RISK', message: `${input.title} message`, dedupKey: `feed-test:${input.title}` });
      if (a) raised.push(a);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  const get = (query: Record<string, string | number | boolean> = {}) => s.http().get('/api/alerts').query(query).set('cookie', viewer.cookie);
  const ack = (id: number | string, who: SessionAuth) => s.http().post(`/api/alerts/${id}/acknowledge`).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send({});
  const titles = (body: AlertResponse[]) => body.map((a) => a.title);

  it('pushes each raised alert once as alert.raised and skips a repeated dedup key', async () => {
    expect(published.filter((m) => m.event === 'alert.raised').map((m) => m.data)).toEqual(raised);
    expect(await alerts.raise({ accountId: null, severity: 'WARNING', category: 'SYSTEM', title: 'feed stale again', message: 'x', dedupKey: 'feed-test:feed stale', occurredAtMs: T0 })).toBeNull();
    expect(published.filter((m) => m.event === 'alert.raised')).toHaveLength(4);
  });

  it('lists newest first, filtered by account, severity and limit', async () => {
    expect(titles((await get().expect(200)).body)).toEqual(['feed stale', 'breaker', 'login failed', 'report']);
    expect(titles((await get({ accountId: s.accounts.kotakId }).expect(200)).body)).toEqual(['breaker', 'report']);
    expect(titles((await get({ severity: 'WARNING' }).expect(200)).body)).toEqual(['feed stale', 'login failed']);
    expect(titles((await get({ limit: 2 }).expect(200)).body)).toEqual(['feed stale', 'breaker']);
    const [first] = (await get({ limit: 1 }).expect(200)).body as AlertResponse[];
    expect(first).toEqual({ id: raised[3].id, accountId: null, severity: 'WARNING', category: 'RISK', title: 'feed stale', message: 'feed stale message', occurredAtMs: T0 + 20 * 60_000, acknowledgedAtMs: null, acknowledgedBy: null });
  });

  it('refuses a malformed query with coded 400s', async () => {
    const queries: Record<string, string | number>[] = [{ severity: 'LOUD' }, { unacknowledged: 'yes' }, { limit: 0 }, { limit: 501 }, { accountId: 'abc' }, { colour: 'red' }];
    for (const q of queries) {
      const res = await get(q);
      expect([JSON.stringify(q), res.status, res.body.code]).toEqual([JSON.stringify(q), 400, 'VALIDATION_FAILED']);
    }
  });

  it('lets a trader acknowledge once: audited, stamped with the clock, idempotent; a viewer may not', async () => {
    const breaker = raised[1];
    expect((await ack(breaker.id, viewer)).status).toBe(403);
    expect(await s.dataSource.getRepository(Alert).findOneByOrFail({ id: breaker.id })).toMatchObject({ acknowledgedAt: null });

    const res = await ack(breaker.id, trader).expect(200);
    expect(res.body).toEqual({ ...breaker, acknowledgedAtMs: clock.nowMs(), acknowledgedBy: 'trader' });
    const audit = await s.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'alert.acknowledge' } });
    expect(audit.map((a) => [a.actor, a.entity, a.entityId])).toEqual([['trader', 'alert', String(breaker.id)]]);

    clock.advance(60_000);
    const again = await ack(breaker.id, trader).expect(200);
    expect(again.body).toEqual(res.body);
    expect(await s.dataSource.getRepository(AuditLogEntity).count({ where: { action: 'alert.acknowledge' } })).toBe(1);

    expect(titles((await get({ unacknowledged: true }).expect(200)).body)).toEqual(['feed stale', 'login failed', 'report']);
    expect(titles((await get({ unacknowledged: false }).expect(200)).body)).toHaveLength(4);
  });

  it('answers 404 for an unknown alert and 400 for a bad id', async () => {
    const missing = await ack(999_999, trader);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await ack('abc', trader);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
