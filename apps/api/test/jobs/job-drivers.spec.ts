import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { BullMqJobQueue } from '../../src/jobs/bullmq/bullmq-job-queue';
import { JobPayloadError } from '../../src/jobs/job-errors';
import { makeDriver, pause, settled, SHARED_REDIS_URL, type DriverUnderTest } from './job-test-kit';

const ENTRY = { slot: '2026-11-23T10:00:00' };

describe.each(['in-process', 'bullmq'] as const)('%s job queue', (kind) => {
  let d: DriverUnderTest;

  afterEach(async () => {
    await d.close();
  });

  it('runs a job enqueued twice with the same id once', async () => {
    d = await makeDriver(kind);
    const first = await d.queue.enqueue('strategy.kotak.evaluate-entry', ENTRY);
    const second = await d.queue.enqueue('strategy.kotak.evaluate-entry', { ...ENTRY });
    expect(second).toEqual({ jobId: first.jobId, duplicate: true });
    expect(first.duplicate).toBe(false);
    await d.queue.startProcessing();
    expect((await settled(d.queue, first.jobId)).state).toBe('completed');
    // A redelivery after completion (a second tick in the same slot) maps to the same id too.
    expect((await d.queue.enqueue('strategy.kotak.evaluate-entry', ENTRY)).duplicate).toBe(true);
    await pause(300);
    expect(d.runs.filter((r) => r.name === 'strategy.kotak.evaluate-entry')).toHaveLength(1);
  });

  it('gives a one-attempt job (a backtest run) exactly one attempt even when its handler throws', async () => {
    d = await makeDriver(kind, {
      overrides: {
        'backtests.run': async () => {
          throw new Error('child process died');
        },
      },
    });
    await d.queue.startProcessing();
    const { jobId } = await d.queue.enqueue('backtests.run', { runId: 7 });
    expect(jobId).toBe('backtests.run@7');
    const job = await settled(d.queue, jobId);
    await pause(300);
    expect(job).toMatchObject({ state: 'failed', attemptsMade: 1, failedReason: 'child process died' });
    expect(d.runs.filter((r) => r.name === 'backtests.run')).toHaveLength(1);
  });

  it('retries a failing non-order job up to its registry attempts', async () => {
    let calls = 0;
    d = await makeDriver(kind, {
      overrides: {
        'positions.monitor': async () => {
          calls++;
          if (calls === 1) throw new Error('quote feed hiccup');
        },
      },
    });
    await d.queue.startProcessing();
    const { jobId } = await d.queue.enqueue('positions.monitor', { slot: '2026-11-23T10:00:00' });
    const job = await settled(d.queue, jobId);
    expect(job.state).toBe('completed');
    expect(d.runs.filter((r) => r.name === 'positions.monitor').map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('refuses a malformed payload at enqueue, naming the problem, and runs nothing', async () => {
    d = await makeDriver(kind);
    await d.queue.startProcessing();
    await expect(d.queue.enqueue('backtests.run', { runId: -3 })).rejects.toThrow(/runId/);
    await expect(d.queue.enqueue('positions.pnl', { slot: '2026-02-30T10:00:00' })).rejects.toThrow(JobPayloadError);
    await expect(d.queue.enqueue('risk.limits', { slot: '2026-11-23T10:00:00', password: 'hunter2' } as never)).rejects.toThrow(/unexpected payload field/);
    await pause(200);
    expect(d.runs).toEqual([]);
  });

  it('does not run a scheduled job whose slot falls on a holiday (2026-11-24)', async () => {
    d = await makeDriver(kind);
    d.clock.set(Date.parse('2026-11-24T04:30:05Z')); // 10:00:05 IST on the holiday
    await d.queue.startProcessing();
    const { jobId } = await d.queue.enqueue('strategy.kotak.evaluate-entry', { slot: '2026-11-24T10:00:00' });
    expect((await settled(d.queue, jobId)).state).toBe('completed');
    expect(d.runs).toEqual([]);
  });
});

describe('bullmq job queue, dequeue-time checks', () => {
  it('fails a malformed job found in Redis at once, without retry, and its handler never runs', async () => {
    const d = await makeDriver('bullmq', { prefix: `mcube-test-raw-${process.pid}-${Date.now()}` });
    const prefix = (d.queue as BullMqJobQueue).prefix;
    const connection = new IORedis(SHARED_REDIS_URL, { maxRetriesPerRequest: null });
    // Another producer (an older release, a hand-made job) wrote a bad payload with retries on.
    const raw = new Queue('backtests', { connection, prefix });
    try {
      await raw.add('backtests.run', { runId: 'seven' }, { jobId: 'backtests.run@seven', attempts: 5 });
      await d.queue.startProcessing();
      const job = await settled(d.queue, 'backtests.run@seven');
      expect(job).toMatchObject({ state: 'failed', attemptsMade: 1 });
      expect(job.failedReason).toMatch(/backtests.run: runId must be/);
      expect(d.runs).toEqual([]);
    } finally {
      await raw.close();
      connection.disconnect();
      await d.close();
    }
  });

  it('boots and closes cleanly while Redis is unreachable', async () => {
    const d = await makeDriver('bullmq', { redisUrl: 'redis://127.0.0.1:1' });
    const queue = d.queue as BullMqJobQueue;
    await queue.startProcessing();
    const started = Date.now();
    await queue.close();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
