import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEDULE_TICK_ID, SCHEDULE_TICK_MS } from '../../src/jobs/schedule-ticker';
import { makeDriver, pause, settled, type DriverUnderTest } from './job-test-kit';

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** This test's own Redis (never the shared one): AOF on, fsync on every write, no RDB. */
class OwnRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await this.pong())) {
      if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
      await pause(50);
    }
  }

  /** One raw PING (a plain socket: no client library timers left behind). */
  private pong(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      let reply = '';
      socket.setTimeout(1000, () => socket.destroy());
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (chunk) => {
        reply += chunk.toString();
        if (reply.includes('\r\n')) socket.destroy();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(reply.startsWith('+PONG')));
    });
  }

  /** Kills the server as a crash would (SIGKILL: no shutdown save) and waits for it to exit. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

describe('BullMQ schedule across a Redis restart', () => {
  let dir: string;
  let redis: OwnRedis;
  let before: DriverUnderTest | undefined;
  let after: DriverUnderTest | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcube-redis-'));
    redis = new OwnRedis(await freePort(), dir);
    await redis.start();
  });

  afterAll(async () => {
    await before?.close().catch(() => undefined);
    await after?.close().catch(() => undefined);
    await redis.crash();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000); // a worker's close is forced after its 10 s grace (BullMqJobQueue.closeWorker)

  it('keeps the job scheduler, waiting and delayed jobs, and runs them after the restart', async () => {
    const prefix = 'mcube-restart';
    before = await makeDriver('bullmq', { redisUrl: redis.url, prefix });
    // Not processing yet: the work is only scheduled and queued when Redis goes down.
    await before.queue.schedule({ id: SCHEDULE_TICK_ID, job: 'schedule.tick', everyMs: SCHEDULE_TICK_MS });
    const waiting = await before.queue.enqueue('strategy.kotak.evaluate-entry', { slot: '2026-11-23T10:00:00' });
    const delayed = await before.queue.enqueue('analytics.daily-report', { slot: '2026-11-23T16:00:00' }, { delayMs: 3_600_000 });
    await before.queue.close();
    before = undefined;

    await redis.crash();
    await redis.start();

    after = await makeDriver('bullmq', { redisUrl: redis.url, prefix });
    expect(await after.queue.listSchedules()).toEqual([{ id: SCHEDULE_TICK_ID, job: 'schedule.tick', everyMs: SCHEDULE_TICK_MS }]);
    expect((await after.queue.getJob(waiting.jobId))?.state).toBe('waiting');
    expect((await after.queue.getJob(delayed.jobId))?.state).toBe('delayed');

    await after.queue.startProcessing();
    expect((await settled(after.queue, waiting.jobId)).state).toBe('completed');
    const deadline = Date.now() + 10_000;
    while (!after.runs.some((r) => r.name === 'schedule.tick') && Date.now() < deadline) await pause(50);
    expect(after.runs.map((r) => r.name)).toEqual(expect.arrayContaining(['strategy.kotak.evaluate-entry', 'schedule.tick']));
  }, 30_000);

  it('keeps a running driver working through a Redis crash: it reconnects and runs work enqueued after', async () => {
    await after?.close();
    after = undefined;
    const prefix = 'mcube-live';
    const live = await makeDriver('bullmq', { redisUrl: redis.url, prefix });
    after = live;
    await live.queue.startProcessing();
    const first = await live.queue.enqueue('positions.monitor', { slot: '2026-11-23T10:00:00' });
    expect((await settled(live.queue, first.jobId)).state).toBe('completed');

    await redis.crash();
    await redis.start();

    const second = await live.queue.enqueue('positions.pnl', { slot: '2026-11-23T10:00:00' });
    expect((await settled(live.queue, second.jobId, 20_000)).state).toBe('completed');
    // The job finished before the crash is still known: enqueuing it again is a duplicate.
    expect(await live.queue.enqueue('positions.monitor', { slot: '2026-11-23T10:00:00' })).toEqual({ jobId: first.jobId, duplicate: true });
    expect(live.runs.map((r) => r.name)).toEqual(['positions.monitor', 'positions.pnl']);
  }, 40_000);
});
