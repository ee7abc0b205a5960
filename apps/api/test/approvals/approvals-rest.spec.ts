import type { Clock } from '@mcube/domain';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { ApprovalToken } from '../../src/modules/orders/entities/approval-token.entity';
import { ApprovalRequestRow } from '../../src/modules/strategies/approvals/approval-request.entity';
import { storedRequest } from './stored-approval-request';
import { login, startSecurityApp, type SecurityApp, type SessionAuth } from '../security/security-app';
import { MARKET_CLOCK } from '../../src/modules/core/clock/clock.token';

describe('the approval queue over REST', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let clock: Clock;

  beforeAll(async () => {
    s = await startSecurityApp();
    trader = await login(s, 'trader');
    viewer = await login(s, 'viewer');
    clock = s.app.get<Clock>(MARKET_CLOCK, { strict: false });
  }, 60_000);
  afterAll(() => s.close());

  const post = (auth: SessionAuth, path: string, body: object = {}) => s.http().post(path).set('cookie', auth.cookie).set('x-csrf-token', auth.csrfToken).send(body);
  const insert = async (ttlMs: number, ref: string) => (await s.dataSource.getRepository(ApprovalRequestRow).save(storedRequest(s.accounts.iciciId, clock.nowMs(), ttlMs, ref))).id;

  it('lists a pending request with its card to any role; a viewer may not decide (403) and nothing changes', async () => {
    const id = await insert(600_000, 'rest-1');
    const list = await s.http().get('/api/approvals?status=PENDING').set('cookie', viewer.cookie).expect(200);
    expect(list.body.find((a: { id: string }) => a.id === String(id))).toMatchObject({ kind: 'ENTRY', status: 'PENDING', validatorLabel: 'rules validator — no LLM configured', request: { contract: 'TCS-2026-03-30-FUT', stopLoss: 1902 } });
    await post(viewer, `/api/approvals/${id}/approve`).expect(403);
    expect((await s.dataSource.getRepository(ApprovalRequestRow).findOneByOrFail({ id })).status).toBe('PENDING');
    expect(await s.dataSource.getRepository(ApprovalToken).count()).toBe(0);
  });

  it('approves once (trader): the token is minted bound to the order, the decision audited and handed to the strategy; a second decision is 409', async () => {
    const id = await insert(600_000, 'rest-2');
    const res = await post(trader, `/api/approvals/${id}/approve`).expect(200);
    expect(res.body).toMatchObject({ id: String(id), status: 'APPROVED', decidedBy: 'trader' });
    expect(res.body.outcome).toEqual(expect.objectContaining({ status: expect.any(String) }));
    const token = await s.dataSource.getRepository(ApprovalToken).findOneByOrFail({ requestRef: String(id) });
    expect(token).toMatchObject({ accountId: s.accounts.iciciId, purpose: 'ENTRY', underlying: 'TCS', side: 'SELL', quantity: 175, priceLowPaise: 188_880, priceHighPaise: 189_635, approvedBy: 'trader' });
    expect(JSON.stringify(res.body)).not.toContain('apt_');
    const audit = await s.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'approval.approve', entityId: String(id) });
    expect(audit.entity).toBe('approval_request');
    const again = await post(trader, `/api/approvals/${id}/approve`).expect(409);
    expect(again.body.message).toContain('APPROVED');
    await post(trader, `/api/approvals/${id}/reject`, { reason: 'late' }).expect(409);
  });

  it('rejects only with a reason (400 without, nothing changes), audited, no token', async () => {
    const id = await insert(600_000, 'rest-3');
    await post(trader, `/api/approvals/${id}/reject`, {}).expect(400);
    await post(trader, `/api/approvals/${id}/reject`, { reason: '   ' }).expect(400);
    expect((await s.dataSource.getRepository(ApprovalRequestRow).findOneByOrFail({ id })).status).toBe('PENDING');
    const res = await post(trader, `/api/approvals/${id}/reject`, { reason: 'sector looks tired' }).expect(200);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason: 'sector looks tired', decidedBy: 'trader' });
    expect(await s.dataSource.getRepository(ApprovalToken).countBy({ requestRef: String(id) })).toBe(0);
    expect(await s.dataSource.getRepository(AuditLogEntity).countBy({ action: 'approval.reject', entityId: String(id) })).toBe(1);
  });

  it('expires a stale request: approving it is 409 and it is EXPIRED (audited), no token', async () => {
    const id = await insert(-1, 'rest-4');
    const res = await post(trader, `/api/approvals/${id}/approve`).expect(409);
    expect(res.body.message).toContain('EXPIRED');
    expect((await s.dataSource.getRepository(ApprovalRequestRow).findOneByOrFail({ id })).status).toBe('EXPIRED');
    expect(await s.dataSource.getRepository(ApprovalToken).countBy({ requestRef: String(id) })).toBe(0);
    expect(await s.dataSource.getRepository(AuditLogEntity).countBy({ action: 'approval.expire', entityId: String(id) })).toBe(1);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await post(trader, '/api/approvals/999999/approve').expect(404);
    await post(trader, '/api/approvals/abc/approve').expect(400);
  });

  it('keeps a trader\'s note in the knowledge store (FTS5 in the application database by default) and finds it; a viewer may not write, a blank note is 400', async () => {
    await post(viewer, '/api/knowledge/notes', { title: 'Results week', text: 'Avoid TCS entries during quarterly results week.' }).expect(403);
    await post(trader, '/api/knowledge/notes', { title: 'x', text: '   ' }).expect(400);
    const added = await post(trader, '/api/knowledge/notes', { title: 'Results week', text: 'Avoid TCS entries during quarterly results week.', tags: ['tcs'] }).expect(201);
    expect(added.body).toMatchObject({ store: 'FTS5', id: expect.stringMatching(/^note-/) });
    const found = await s.http().get('/api/knowledge/search').query({ q: 'TCS quarterly results', limit: 3 }).set('cookie', viewer.cookie).expect(200);
    expect(found.body.hits[0].document).toMatchObject({ id: added.body.id, source: { kind: 'NOTE', ref: 'note by trader', title: 'Results week' } });
    expect(await s.dataSource.getRepository(AuditLogEntity).countBy({ action: 'knowledge.note.add', entityId: added.body.id })).toBe(1);
  });
});
