import { JobPayloadError, JobRegistryError } from '../../src/jobs/job-errors';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { assertNoSecrets } from '../../src/jobs/job-payload.checks';
import { JOB_NAMES, JOB_REGISTRY, jobDefinition, jobIdOf, queueOf, type JobName } from '../../src/jobs/job-registry';
import { JOB_SCHEDULE } from '../../src/jobs/job-schedule';

const noop = async (): Promise<void> => undefined;

describe('job registry', () => {
  it('names every job of the issue, plus the schedule ticker', () => {
    expect([...JOB_NAMES].sort()).toEqual(
      [
        'alerts.deliver',
        'analytics.daily-report',
        'analytics.learning-update',
        'backtests.run',
        'brokers.icici-session-critical',
        'brokers.icici-session-warning',
        'brokers.login',
        'brokers.order-sync',
        'brokers.reconcile',
        'instruments.refresh',
        'market-data.option-chain',
        'market-data.snapshot',
        'orders.command',
        'positions.monitor',
        'positions.pnl',
        'risk.calendar-horizon',
        'risk.circuit-breakers',
        'risk.limits',
        'schedule.tick',
        'strategy.kotak.evaluate-entry',
        'strategy.kotak.exit-check',
        'strategy.icici.screen',
        'strategy.icici.exit-check',
        'approvals.expire',
      ].sort(),
    );
  });

  it('gives one-shot jobs one attempt and every other job a small number', () => {
    // Each delivery attempt is its own job: the handler schedules the next one with the backoff or retry_after.
    expect(JOB_REGISTRY['alerts.deliver'].attempts).toBe(1);
    // A backtest run is minutes of CPU whose failure is stored on the run: it runs once.
    expect(JOB_REGISTRY['backtests.run'].attempts).toBe(1);
    // A repeatable every 2 s: a failed pass is the next one.
    expect(JOB_REGISTRY['brokers.order-sync'].attempts).toBe(1);
    // A forwarded REST order command: a retry could be a second order; the client retries with its key.
    expect(JOB_REGISTRY['orders.command'].attempts).toBe(1);
    for (const name of JOB_NAMES.filter((n) => n !== 'schedule.tick' && n !== 'brokers.order-sync' && n !== 'alerts.deliver' && n !== 'backtests.run' && n !== 'orders.command')) {
      expect(JOB_REGISTRY[name].attempts).toBeGreaterThanOrEqual(2);
      expect(JOB_REGISTRY[name].attempts).toBeLessThanOrEqual(5);
    }
  });

  it('has one job that carries an order, the forwarded REST command, run once with a checked payload (issue 13)', () => {
    expect(JOB_NAMES.filter((n) => n.startsWith('orders.'))).toEqual(['orders.command']);
    expect(JOB_REGISTRY['orders.command'].queue).toBe('order-commands');
    const payload = { commandId: 'c-1', kind: 'orders.cancel', args: { id: 4 }, expiresAtWallMs: 1_000 };
    expect(jobIdOf('orders.command', payload as never)).toBe('orders.command@c-1');
    expect(JOB_REGISTRY['orders.command'].check(payload)).toEqual(payload);
    expect(() => JOB_REGISTRY['orders.command'].check({ ...payload, kind: 'orders.anything' })).toThrow(/kind must be one of/);
    expect(() => JOB_REGISTRY['orders.command'].check({ ...payload, commandId: 'a:b' })).toThrow(/commandId/);
    expect(() => JOB_REGISTRY['orders.command'].check({ ...payload, args: [] })).toThrow(/payload must be an object/);
    // The caller travels with the command (the worker runs it as them), never a credential.
    const actor = { userId: 3, username: 'trader', role: 'trader', via: 'session' };
    expect(JOB_REGISTRY['orders.command'].check({ ...payload, actor, correlationId: 'req-1' })).toEqual({ ...payload, actor, correlationId: 'req-1' });
    expect(() => JOB_REGISTRY['orders.command'].check({ ...payload, actor: { ...actor, csrfToken: 'x' } })).toThrow(/csrfToken/);
    expect(() => JOB_REGISTRY['orders.command'].check({ ...payload, actor: { ...actor, role: 'system' } })).toThrow(/actor.role/);
    expect(() => JOB_REGISTRY['orders.command'].check({ ...payload, extra: 1 })).toThrow();
  });

  it('gives every delivery attempt its own id, without the recipient in clear or a colon', () => {
    const first = jobIdOf('alerts.deliver', { alertId: 7, channel: 'SMS', recipient: '+919800000001', attempt: 1 });
    expect(first).toBe(jobIdOf('alerts.deliver', { alertId: 7, channel: 'SMS', recipient: '+919800000001', attempt: 1 }));
    expect(first).not.toBe(jobIdOf('alerts.deliver', { alertId: 7, channel: 'SMS', recipient: '+919800000001', attempt: 2 }));
    expect(first).not.toBe(jobIdOf('alerts.deliver', { alertId: 7, channel: 'SMS', recipient: '+919800000002', attempt: 1 }));
    expect(first).not.toContain('9800000001');
    expect(first).not.toContain(':');
  });

  it('derives a scheduled job id from job and slot only, without the colon BullMQ forbids', () => {
    const a = jobIdOf('market-data.snapshot', { slot: '2026-08-10T10:01:00' });
    expect(a).toBe(jobIdOf('market-data.snapshot', { slot: '2026-08-10T10:01:00' }));
    expect(a).not.toBe(jobIdOf('market-data.snapshot', { slot: '2026-08-10T10:02:00' }));
    expect(a).not.toBe(jobIdOf('market-data.option-chain', { slot: '2026-08-10T10:01:00' }));
    expect(a).not.toContain(':');
    expect(a).toContain('2026-08-10');
  });

  it('schedules only registry jobs, each once, none on the one-shot backtests queue', () => {
    const jobs = JOB_SCHEDULE.map((e) => e.job);
    expect(new Set(jobs).size).toBe(jobs.length);
    for (const job of jobs) expect(queueOf(job)).not.toBe('backtests');
  });

  it.each([
    ['backtests.run', null, /payload must be an object, got null/],
    ['backtests.run', { runId: 1.5 }, /runId/],
    ['backtests.run', { runId: 1, apiSecret: 'x' }, /unexpected payload field\(s\): apiSecret/],
    ['positions.monitor', { slot: '2026-11-23 10:00:00' }, /slot must be an IST/],
    ['positions.monitor', { slot: '2026-11-23T25:00:00' }, /not a real date and time/],
    ['positions.monitor', [], /got an array/],
    ['schedule.tick', { now: 1 }, /unexpected payload field/],
    ['alerts.deliver', { alertId: 1, channel: 'FAX', recipient: 'x', attempt: 1 }, /channel must be/],
    ['alerts.deliver', { alertId: 1, channel: 'SMS', recipient: '', attempt: 1 }, /recipient must be/],
    ['alerts.deliver', { alertId: 1, channel: 'SMS', recipient: 'x', attempt: 0 }, /attempt must be/],
    ['alerts.deliver', { alertId: 1, channel: 'SMS', recipient: 'x', attempt: 1, authToken: 'x' }, /unexpected payload field/],
  ] as const)('rejects a malformed %s payload %j', (name, payload, message) => {
    expect(() => jobDefinition(name as JobName).check(payload)).toThrow(JobPayloadError);
    expect(() => jobDefinition(name as JobName).check(payload)).toThrow(message);
  });

  it('refuses secret-named fields at any depth of a payload', () => {
    expect(() => assertNoSecrets('x', { account: { credentials: { mpin: '1234' } } })).toThrow(/payload.account.credentials looks like a secret/);
    expect(() => assertNoSecrets('x', { list: [{ accessToken: 't' }] })).toThrow(/accessToken looks like a secret/);
    expect(() => assertNoSecrets('x', { clientOrderId: 'k1', instrumentToken: '123' })).not.toThrow();
  });
});

describe('job handlers registry (the boot check)', () => {
  function fullRegistry(): JobHandlersRegistry {
    const registry = new JobHandlersRegistry();
    for (const name of JOB_NAMES) registry.register(name, noop, 'test');
    return registry;
  }

  it('passes when every job has exactly one handler', () => {
    expect(() => fullRegistry().verify()).not.toThrow();
  });

  it('fails naming each job that has no handler', () => {
    const registry = new JobHandlersRegistry();
    for (const name of JOB_NAMES.filter((n) => n !== 'positions.pnl' && n !== 'risk.limits')) registry.register(name, noop);
    expect(() => registry.verify()).toThrow(JobRegistryError);
    expect(() => registry.verify()).toThrow(/job "positions.pnl" has no handler[\s\S]*job "risk.limits" has no handler|job "risk.limits" has no handler[\s\S]*job "positions.pnl" has no handler/);
  });

  it('fails on a handler for a job the registry does not know', () => {
    const registry = fullRegistry();
    registry.register('orders.cancel' as JobName, noop, 'OrdersModule');
    expect(() => registry.verify()).toThrow(/handler for unknown job "orders.cancel" \(from OrdersModule\)/);
  });

  it('fails on a second handler for one job, naming both owners', () => {
    const registry = fullRegistry();
    registry.register('positions.monitor', noop, 'PositionsModule');
    expect(() => registry.verify()).toThrow(/job "positions.monitor" has two handlers \(from test and PositionsModule\)/);
  });
});
