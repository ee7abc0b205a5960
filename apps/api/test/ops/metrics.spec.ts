import { FixedClock } from '@mcube/domain';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { JOB_QUEUE } from '../../src/jobs/job-queue.port';
import { MetricsServer } from '../../src/metrics/metrics-server';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { FakeExecutionClient } from '../orders/fake-execution-client';
import { SESSION_MS } from '../orders/gateway-harness';
import { REST_ENTRY_BODY, restStrangleBody } from '../orders/orders-rest-app';
import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics (Prometheus, its own loopback port)', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let url: string;
  const clock = new FixedClock(SESSION_MS);

  beforeAll(async () => {
    s = await startSecurityApp({
      env: { METRICS_PORT: '0' },
      overrides: [
        { provide: WALL_CLOCK, useValue: clock },
        { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) },
      ],
    });
    const registry = s.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false });
    registry.register(s.accounts.kotakId, new FakeExecutionClient(clock));
    expect((await s.app.get(ReconciliationService, { strict: false }).reconcile(s.accounts.kotakId)).ok).toBe(true);
    trader = await login(s, 'trader');
    const port = s.app.get(MetricsServer, { strict: false }).port;
    expect(port).toBeGreaterThan(0);
    url = `http://127.0.0.1:${port}/metrics`;
  }, 120_000);
  afterAll(() => s?.close());

  const post = (path: string, body: object) => s.http().post(path).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);

  it('exposes the order, risk, job, queue, state, socket and market series after an order through the gateway', async () => {
    const entry = await post('/api/orders/entry', restStrangleBody(s.accounts.kotakId, { idempotencyKey: 'metrics-1' })).expect(201);
    expect(entry.body.legs.map((l: { statuses: string[] }) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    // One leg is not the Kotak entry shape: denied by the risk checks, with its codes.
    const denied = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId }).expect(422);
    const codes: string[] = denied.body.denials;
    expect(codes.length).toBeGreaterThan(0);
    // A job run (an approvals.expire with nothing pending: the handler finds nothing and is done).
    const jobs = s.app.get<InProcessJobQueue>(JOB_QUEUE, { strict: false });
    await jobs.enqueue('approvals.expire', { slot: '2026-11-23T10:00:00' });
    await jobs.onIdle();

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();

    expect(sample(text, 'mcube_order_intent_to_ack_seconds_count{path="entry"}')).toBe(1);
    expect(sample(text, 'mcube_order_intent_to_ack_seconds_bucket{le="+Inf",path="entry"}')).toBe(1);
    for (const code of codes) expect(sample(text, `mcube_risk_denials_total{code="${code}"}`)).toBe(1);
    expect(sample(text, 'mcube_orders{status="ACCEPTED"}')).toBe(2);
    expect(sample(text, 'mcube_orders{status="DENIED"}')).toBe(1);
    expect(sample(text, 'mcube_job_duration_seconds_count{job="approvals.expire",outcome="done"}')).toBe(1);
    expect(sample(text, 'mcube_job_lag_seconds_count{job="approvals.expire"}')).toBe(1);
    expect(sample(text, 'mcube_queue_depth{queue="strategy",state="waiting"}')).toBe(0);
    expect(sample(text, 'mcube_queue_depth{queue="strategy",state="active"}')).toBe(0);
    expect(sample(text, `mcube_trading_state{account="${s.accounts.kotakId}",broker="KOTAK",state="ACTIVE"}`)).toBe(1);
    expect(sample(text, `mcube_trading_state{account="${s.accounts.kotakId}",broker="KOTAK",state="HALTED"}`)).toBe(0);
    expect(sample(text, `mcube_breaker_open{account="${s.accounts.kotakId}",broker="KOTAK"}`)).toBe(0);
    expect(sample(text, 'mcube_websocket_clients')).toBe(0);
    expect(sample(text, 'mcube_market_data_age_seconds{symbol="NIFTY 50"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('mcube_process_resident_memory_bytes');
  }, 120_000);

  it('serves only GET /metrics there, and nothing of it on the API port', async () => {
    expect((await fetch(url.replace('/metrics', '/api/accounts'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    const onApi = await s.http().get('/metrics');
    expect(onApi.status).toBe(404);
    expect(onApi.text).not.toContain('mcube_orders');
  });
});
