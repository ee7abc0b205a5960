import { FixedClock } from '@mcube/domain';
import { AlertDispatcher } from '../../src/modules/alerts/delivery/alert-dispatcher.service';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { SESSION_MS } from '../orders/gateway-harness';
import { FakeExecutionClient } from '../orders/fake-execution-client';
import { restStrangleBody, startOrdersRestApp } from '../orders/orders-rest-app';
import { capturedLogs, login, SecurityApp, SessionAuth } from './security-app';

interface LogLine {
  level: number;
  msg: string;
  accountId?: number;
  ok?: boolean;
  adopted: string[];
  kept: string[];
  mismatches: string[];
}

/** Reconciliation outcome lines logged since `from` (index into the captured log). */
function outcomes(from: number): LogLine[] {
  return capturedLogs
    .slice(from)
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('Reconciliation of account'))
    .map((l) => JSON.parse(l) as LogLine);
}

describe('reconciliation outcomes are logged, not only alerted', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let broker: FakeExecutionClient;
  const dispatched: number[] = [];
  const clock = new FixedClock(SESSION_MS);
  const reconcile = () => s.app.get(ReconciliationService, { strict: false }).reconcile(s.accounts.kotakId);
  /** A strangle entry (call sent first, then the put), as one command. */
  const enter = (key: string) => s.http().post('/api/orders/entry').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(restStrangleBody(s.accounts.kotakId, { idempotencyKey: key }));

  beforeAll(async () => {
    const start = capturedLogs.length;
    ({ s } = await startOrdersRestApp(clock));
    // The start-up reconciliation of each paper account was logged.
    expect(outcomes(start).map((l) => [l.accountId, l.ok, l.level])).toEqual(expect.arrayContaining([[s.accounts.kotakId, true, 30], [s.accounts.iciciId, true, 30]]));
    broker = new FakeExecutionClient(clock);
    s.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).register(s.accounts.kotakId, broker);
    expect((await reconcile()).ok).toBe(true);
    trader = await login(s, 'trader');
    jest.spyOn(s.app.get(AlertDispatcher, { strict: false }), 'dispatch').mockImplementation((id: number) => void dispatched.push(id));
  });
  afterAll(() => s?.close());

  it('logs the open orders it kept and the changes it adopted, at info', async () => {
    const placed = await enter('log-kept-1').expect(201);
    const [call, put] = broker.orders.map((o) => o.request.clientOrderId);
    let at = capturedLogs.length;
    await reconcile();
    expect(outcomes(at)).toEqual([expect.objectContaining({ level: 30, accountId: s.accounts.kotakId, ok: true, adopted: [], kept: [`${call}: ACCEPTED`, `${put}: ACCEPTED`], mismatches: [] })]);

    // The broker cancelled both legs meanwhile: reconciliation adopts that.
    for (const o of broker.orders) o.state = 'CANCELED';
    at = capturedLogs.length;
    await reconcile();
    const [line] = outcomes(at);
    expect(line).toMatchObject({ level: 30, ok: true, kept: [], mismatches: [] });
    expect(line.adopted).toEqual([`${call}: ACCEPTED → CANCELED`, `${put}: ACCEPTED → CANCELED`]);
    expect(placed.body.legs.map((l: { orderIds: number[] }) => l.orderIds.length)).toEqual([1, 1]);
  });

  it('logs what it withdrew and every mismatch, at error, when the account stays HALTED', async () => {
    broker.timeoutAfterAccept();
    await enter('log-withdrawn-1');
    // The call's send timed out and the broker never kept it: at reconciliation the journal's SUBMITTED order is unknown there.
    const [lost] = broker.orders.splice(broker.orders.length - 2, 1);
    // And the broker has an order mCube never sent.
    broker.orders.push({ ...(lost as NonNullable<typeof lost>), request: { ...(lost as NonNullable<typeof lost>).request, clientOrderId: 'FOREIGN-1' }, brokerOrderId: 'B-FOREIGN' });
    const at = capturedLogs.length;
    const report = await reconcile();
    expect(report.ok).toBe(false);
    const [line] = outcomes(at);
    expect(line).toMatchObject({ level: 50, accountId: s.accounts.kotakId, ok: false });
    expect(line.adopted.join('\n')).toMatch(/rejected \(never reached the broker\)/);
    expect(line.mismatches.join('\n')).toMatch(/B-FOREIGN/);
    expect(line.msg).toMatch(/HALTED/);
    // The CRITICAL goes through AlertsService, so it is stored and handed to the channel router
    // (before, reconciliation wrote the alert row itself and it never left the console).
    const critical = await s.dataSource.getRepository(Alert).findOneOrFail({ where: { accountId: s.accounts.kotakId, severity: 'CRITICAL' }, order: { id: 'DESC' } });
    expect(critical.title).toMatch(/Reconciliation found \d+ mismatch/);
    expect(dispatched).toContain(critical.id);
  });
});
