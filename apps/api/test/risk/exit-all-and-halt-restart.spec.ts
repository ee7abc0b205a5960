import { FixedClock } from '@mcube/domain';
import type { ExitAllAndHaltResponse } from '@mcube/contracts';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ExitAllAndHaltService } from '../../src/modules/positions/exit-all/exit-all-and-halt.service';
import { PendingHaltRow } from '../../src/modules/positions/exit-all/pending-halt.entity';
import { createTestDatabase, TestDatabase } from '../db/test-database';
import { FakeExecutionClient } from '../orders/fake-execution-client';
import { SESSION_MS } from '../orders/gateway-harness';
import { restStrangleBody } from '../orders/orders-rest-app';
import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/**
 * Issue 20 §3: "exit all and halt" remembers its wait for flat in the database, so an API
 * restart between the button and the last exit fill still ends HALTED. The broker (a fake that
 * outlives the API, as a real one does) keeps the exit orders across the restart.
 */
describe('exit all and halt across an API restart', () => {
  let db: TestDatabase;
  let s: SecurityApp | null = null;
  const clock = new FixedClock(SESSION_MS);
  const broker = new FakeExecutionClient(clock);
  let entry = 0;

  async function boot(): Promise<SecurityApp> {
    const app = await startSecurityApp({
      db,
      overrides: [
        { provide: WALL_CLOCK, useValue: clock },
        { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) },
      ],
    });
    app.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).register(app.accounts.kotakId, broker);
    expect((await app.app.get(ReconciliationService, { strict: false }).reconcile(app.accounts.kotakId)).ok).toBe(true);
    return app;
  }

  beforeAll(async () => {
    db = await createTestDatabase(undefined, { migrated: true });
    s = await boot();
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    await db?.dispose();
  });

  const app = () => s as SecurityApp;
  const post = (who: SessionAuth, path: string, body: object) => app().http().post(path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);
  const account = () => app().dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: app().accounts.kotakId });
  const exitOrders = (positionId: number) => app().dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' }, order: { id: 'ASC' } });
  const fill = (clientOrderId: string) => app().app.get(ApplyFillService, { strict: false }).apply('PAPER', broker.fill(clientOrderId));

  /** A filled Kotak short strangle; returns its position id. */
  async function filledStrangle(trader: SessionAuth): Promise<number> {
    const res = await post(trader, '/api/orders/entry', restStrangleBody(app().accounts.kotakId, { idempotencyKey: `restart-entry-${++entry}` })).expect(201);
    for (const leg of res.body.legs as { intentId: string }[]) await fill(leg.intentId);
    return res.body.positionId as number;
  }

  async function restart(): Promise<void> {
    await app().stop();
    s = null;
    s = await boot();
  }

  it('stores the wait, keeps it over a restart, and halts in the name of the trader once the last leg fills', async () => {
    const trader = await login(app(), 'trader');
    const positionId = await filledStrangle(trader);
    const body = (await post(trader, '/api/risk/exit-all-and-halt', { reason: 'panic: before a restart', accountId: app().accounts.kotakId }).expect(200)).body as ExitAllAndHaltResponse;
    expect(body.accounts[0]).toMatchObject({ tradingState: 'REDUCING', halted: false });
    expect(await app().dataSource.getRepository(PendingHaltRow).find()).toEqual([
      expect.objectContaining({ accountId: app().accounts.kotakId, reason: 'panic: before a restart', requestedBy: app().users.trader.username, requestedByRole: 'trader' }),
    ]);
    const [callExit, putExit] = await exitOrders(positionId);
    await fill(putExit.clientOrderId);

    await restart();

    // Nothing of the wait was in memory: the new process reads it back.
    expect(await app().app.get(ExitAllAndHaltService, { strict: false }).waitingAccounts()).toEqual([app().accounts.kotakId]);
    expect((await account()).tradingState).toBe('REDUCING');
    await fill(callExit.clientOrderId);
    expect((await app().dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('CLOSED');
    await eventually(async () => (await account()).tradingState === 'HALTED');
    expect(await account()).toMatchObject({ tradingState: 'HALTED', tradingStateSetByRole: 'trader', tradingStateSetBy: app().users.trader.username });
    expect(await app().dataSource.getRepository(PendingHaltRow).count()).toBe(0);
  }, 120_000);

  it('drops the wait without halting when an admin moved the kill switch meanwhile', async () => {
    const admin = await login(app(), 'admin');
    await post(admin, '/api/risk/kill-switch', { state: 'ACTIVE', reason: 'resume after the test', accountId: app().accounts.kotakId }).expect(200);
    const trader = await login(app(), 'trader');
    const positionId = await filledStrangle(trader);
    await post(trader, '/api/risk/exit-all-and-halt', { reason: 'panic: then overruled', accountId: app().accounts.kotakId }).expect(200);
    // The admin decides otherwise before the exits fill: back to ACTIVE.
    await post(admin, '/api/risk/kill-switch', { state: 'ACTIVE', reason: 'admin overrules', accountId: app().accounts.kotakId }).expect(200);
    for (const o of await exitOrders(positionId)) await fill(o.clientOrderId);
    expect((await app().dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('CLOSED');
    await app().app.get(ExitAllAndHaltService, { strict: false }).settle(app().accounts.kotakId);
    expect(await app().dataSource.getRepository(PendingHaltRow).count()).toBe(0);
    expect((await account()).tradingState).toBe('ACTIVE');
  }, 120_000);
});

/** Waits (briefly) for the halt set after the fill's event. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never met');
}
