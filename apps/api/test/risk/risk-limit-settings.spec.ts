import { Position } from '../../src/modules/positions/entities/position.entity';
import { FixedClock } from '@mcube/domain';
import { seedTradingAccounts } from '../../src/cli/seed-trading-accounts';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { createTestDatabase } from '../db/test-database';
import { SESSION_MS } from '../orders/gateway-harness';
import { restStrangleBody, startOrdersRestApp } from '../orders/orders-rest-app';
import { login, SecurityApp, SessionAuth } from '../security/security-app';


describe('approval and days-to-expiry are stored risk limits, not code', () => {
  it('init seeds today’s rules: ICICI entries need approval, options 1 day and futures 15 days to expiry', async () => {
    const db = await createTestDatabase();
    const ds = await db.openMigrated();
    try {
      await seedTradingAccounts(ds);
      const rows = await ds.getRepository(RiskLimit).find({ order: { id: 'ASC' } });
      const brokerOf = new Map((await ds.getRepository(BrokerAccount).find()).map((a) => [a.id, a.broker]));
      expect(rows.map((r) => [brokerOf.get(r.accountId), r.requiresApproval, r.minDaysToExpiryOptions, r.minDaysToExpiryFutures])).toEqual([
        ['KOTAK', false, 1, 15],
        ['ICICI', true, 1, 15],
      ]);
    } finally {
      await ds.destroy();
      await db.dispose();
    }
  });

  describe('over REST', () => {
    let s: SecurityApp;
    let trader: SessionAuth;
    const clock = new FixedClock(SESSION_MS);

    beforeAll(async () => {
      ({ s } = await startOrdersRestApp(clock));
      trader = await login(s, 'trader');
    });
    afterAll(async () => {
      await s?.close();
    });

    const put = (body: object) => s.http().put(`/api/accounts/${s.accounts.kotakId}/risk-limits`).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
    const submit = (idempotencyKey: string) => s.http().post('/api/orders/entry').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(restStrangleBody(s.accounts.kotakId, { idempotencyKey }));

    it('a changed minimum days to expiry takes effect on the next intent, audited; invalid values are refused', async () => {
      expect((await put({ minDaysToExpiryOptions: 61 })).status).toBe(400);
      const changed = await put({ minDaysToExpiryOptions: 8 }).expect(200);
      expect(changed.body).toMatchObject({ minDaysToExpiryOptions: 8, minDaysToExpiryFutures: 15, requiresApproval: false });
      const audit = await s.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'risk-limits.update' });
      expect(JSON.parse(audit.newValue as string)).toEqual({ minDaysToExpiryOptions: 8 });

      const denied = await submit('days-1').expect(422);
      expect(denied.body).toMatchObject({ code: 'ORDER_DENIED', denials: ['EXPIRY_TOO_NEAR'] });
      await put({ minDaysToExpiryOptions: 7 }).expect(200);
      const passed = await submit('days-2').expect(201);
      expect(passed.body.denial).toBeUndefined();
      expect(passed.body.legs.map((l: { statuses: string[] }) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    });

    it('switching approval on makes an entry without an approver APPROVAL_REQUIRED; off again, it passes', async () => {
      // The previous test's entry holds the one position; close that slot for this one.
      await s.dataSource.getRepository(Position).update({ accountId: s.accounts.kotakId }, { status: 'CLOSED' });
      await put({ requiresApproval: true }).expect(200);
      const denied = await submit('approval-1').expect(422);
      expect(denied.body.denials).toEqual(['APPROVAL_REQUIRED']);
      await put({ requiresApproval: false }).expect(200);
      const passed = await submit('approval-2').expect(201);
      expect(passed.body.denial).toBeUndefined();
      expect(passed.body.legs.map((l: { statuses: string[] }) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    });
  });
});
