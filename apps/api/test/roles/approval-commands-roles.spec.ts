import type { Clock } from '@mcube/domain';
import { MARKET_CLOCK } from '../../src/modules/core/clock/clock.token';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { ApprovalToken } from '../../src/modules/orders/entities/approval-token.entity';
import { ApprovalRequestRow } from '../../src/modules/strategies/approvals/approval-request.entity';
import { IciciFuturesRunner } from '../../src/modules/strategies/icici/icici-futures.runner';
import { OrderCommands } from '../../src/roles/order-commands/order-commands.service';
import { storedRequest } from '../approvals/stored-approval-request';
import { deletePrefix, SHARED_REDIS_URL } from '../jobs/job-test-kit';
import { login, startSecurityApp, type SecurityApp, type SessionAuth } from '../security/security-app';
import { splitRolesRun } from './split-roles-run';

// Issue 13 process roles, the approval queue: a person's decision acts on the ICICI strategy,
// which runs in the worker holding the account. An `api` app and a `worker` app (one database,
// real Redis under this run's prefix): approving or rejecting over the API's REST runs in the
// worker (its strategy gets the decision; the API's never does), as the person who decided.
describe('approval decisions in split roles', () => {
  const { prefix, redisEnv, overrides } = splitRolesRun();
  let api: SecurityApp;
  let worker: SecurityApp | undefined;
  let trader: SessionAuth;
  let apiDecisions: jest.SpyInstance;
  let workerDecisions: jest.SpyInstance;

  beforeAll(async () => {
    api = await startSecurityApp({ env: { ...redisEnv, MCUBE_ROLE: 'api' }, overrides });
    worker = await startSecurityApp({ db: api.db, env: { ...redisEnv, MCUBE_ROLE: 'worker' }, overrides });
    trader = await login(api, 'trader');
    apiDecisions = jest.spyOn(api.app.get(IciciFuturesRunner, { strict: false }), 'onApprovalDecision');
    workerDecisions = jest.spyOn(worker.app.get(IciciFuturesRunner, { strict: false }), 'onApprovalDecision');
  }, 240_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  const post = (path: string, body: object = {}) => api.http().post(path).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
  const insert = async (ref: string) => {
    const nowMs = api.app.get<Clock>(MARKET_CLOCK, { strict: false }).nowMs();
    return (await api.dataSource.getRepository(ApprovalRequestRow).save(storedRequest(api.accounts.iciciId, nowMs, 600_000, ref))).id;
  };
  const rowOf = (id: number) => api.dataSource.getRepository(ApprovalRequestRow).findOneByOrFail({ id });

  it('approves at the worker: the worker\'s strategy gets the decision with the token, the API\'s never; audited as the trader; a second decision is 409 from the worker', async () => {
    expect(api.app.get(OrderCommands).forwards).toBe(true);
    const forwarded = jest.spyOn(api.app.get(OrderCommands), 'run');
    try {
      const id = await insert('split-approve-1');
      const res = await post(`/api/approvals/${id}/approve`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: String(id), status: 'APPROVED', decidedBy: 'trader', outcome: expect.objectContaining({ status: expect.any(String) }) });
      expect(forwarded.mock.calls.map(([kind, args]) => [kind, args['id']])).toEqual([['approvals.approve', id]]);

      expect(apiDecisions).not.toHaveBeenCalled();
      expect(workerDecisions).toHaveBeenCalledTimes(1);
      const [accountId, request, decision] = workerDecisions.mock.calls[0] as [number, { requestId: string }, { approved: boolean; approval: { approvedBy: string; token: string } }];
      expect({ accountId, requestId: request.requestId, approved: decision.approved, by: decision.approval.approvedBy }).toEqual({ accountId: api.accounts.iciciId, requestId: 'split-approve-1', approved: true, by: 'trader' });
      // The single-use token was minted where it is spent, and its text never crossed Redis or reached the API's answer.
      expect(decision.approval.token).toMatch(/^apt_/);
      expect(JSON.stringify(forwarded.mock.calls)).not.toContain('apt_');
      expect(JSON.stringify(res.body)).not.toContain('apt_');
      expect(await api.dataSource.getRepository(ApprovalToken).countBy({ requestRef: String(id) })).toBe(1);
      expect(await rowOf(id)).toMatchObject({ status: 'APPROVED', decidedBy: 'trader', outcome: res.body.outcome });
      const audit = await api.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'approval.approve', entityId: String(id) });
      expect(audit.actor).toBe('trader');

      const again = await post(`/api/approvals/${id}/approve`);
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('APPROVED');
      expect(workerDecisions).toHaveBeenCalledTimes(1);
    } finally {
      forwarded.mockRestore();
    }
  }, 120_000);

  it('rejects at the worker with the reason; a rejection without a reason is refused by the API (400) and nothing is forwarded', async () => {
    const forwarded = jest.spyOn(api.app.get(OrderCommands), 'run');
    try {
      const id = await insert('split-reject-1');
      expect((await post(`/api/approvals/${id}/reject`, {})).status).toBe(400);
      expect(forwarded).not.toHaveBeenCalled();

      const res = await post(`/api/approvals/${id}/reject`, { reason: 'sector looks tired' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'REJECTED', reason: 'sector looks tired', decidedBy: 'trader' });
      expect(forwarded.mock.calls.map(([kind]) => kind)).toEqual(['approvals.reject']);
      expect(apiDecisions).not.toHaveBeenCalled();
      expect(workerDecisions).toHaveBeenLastCalledWith(api.accounts.iciciId, expect.objectContaining({ requestId: 'split-reject-1' }), expect.objectContaining({ approved: false, reason: 'sector looks tired' }));
      expect(await api.dataSource.getRepository(ApprovalToken).countBy({ requestRef: String(id) })).toBe(0);
      expect((await api.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'approval.reject', entityId: String(id) })).actor).toBe('trader');
    } finally {
      forwarded.mockRestore();
    }
  }, 120_000);

  it('with no worker to answer, the approval is 504 and the request stays PENDING: no token, no decision', async () => {
    await worker!.stop();
    worker = undefined;
    const id = await insert('split-late-1');
    const res = await post(`/api/approvals/${id}/approve`);
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'ORDER_COMMAND_TIMEOUT', commandId: expect.any(String) });
    expect((await rowOf(id)).status).toBe('PENDING');
    expect(await api.dataSource.getRepository(ApprovalToken).countBy({ requestRef: String(id) })).toBe(0);
    expect(apiDecisions).not.toHaveBeenCalled();
  }, 120_000);
});