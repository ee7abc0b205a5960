import { Injectable, Module, OnModuleInit, type INestApplicationContext, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/load-config';
import { HandlesJob } from '../../src/jobs/handles-job.decorator';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { JOB_QUEUE, type JobQueue } from '../../src/jobs/job-queue.port';
import { JOB_NAMES, type JobName } from '../../src/jobs/job-registry';
import { JobsModule } from '../../src/jobs/jobs.module';
import { ClockModule } from '../../src/modules/core/clock/clock.module';
import { ScheduleTicker } from '../../src/jobs/schedule-ticker';
import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { deletePrefix, settled, SHARED_REDIS_URL, uniquePrefix } from './job-test-kit';
import { MARKET_CLOCK } from '../../src/modules/core/clock/clock.token';

/** A module that registers recording handlers, as an owning module does in its onModuleInit. */
function registering(names: string[], owner = 'TradingModule', runs: { name: string; jobId: string }[] = []): Type {
  @Injectable()
  class Registrant implements OnModuleInit {
    constructor(private readonly handlers: JobHandlersRegistry) {}
    onModuleInit(): void {
      for (const name of names) this.handlers.register(name as JobName, async (_p, ctx) => void runs.push({ name: ctx.name, jobId: ctx.jobId }), owner);
    }
  }
  @Module({ providers: [Registrant] })
  class TradingModule {}
  return TradingModule;
}

// The domain modules own every job but the ticker's; without them here, a recording stand-in registers them.
const standInRuns: { name: string; jobId: string }[] = [];
const DomainJobsStandIn = registering(
  JOB_NAMES.filter((n) => n !== 'schedule.tick'),
  'DomainModules',
  standInRuns,
);

async function boot(env: Record<string, string>, extra: Type[] = []): Promise<INestApplicationContext> {
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), ClockModule, JobsModule.forRoot(config), DomainJobsStandIn, ...extra],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('JobsModule', () => {
  it('boots with every job handled and runs an enqueued job in-process', async () => {
    const app = await boot({});
    try {
      const queue = app.get<JobQueue>(JOB_QUEUE);
      expect(queue.driver).toBe('in-process');
      const { jobId } = await queue.enqueue('backtests.run', { runId: 42 });
      expect((await settled(queue, jobId)).state).toBe('completed');
      expect(standInRuns).toEqual([{ name: 'backtests.run', jobId: 'backtests.run@42' }]);
    } finally {
      await app.close();
    }
  });

  it('fails the boot when a module registers a second handler for a job', async () => {
    await expect(boot({}, [registering(['backtests.run'])])).rejects.toThrow(/job "backtests\.run" has two handlers \(from DomainModules and TradingModule\)/);
  });

  it('fails the boot when a decorated provider handles a job a second time', async () => {
    @Injectable()
    class BacktestRunner {
      @HandlesJob('backtests.run')
      async onRun(): Promise<void> {
        await Promise.resolve();
      }
    }
    @Module({ providers: [BacktestRunner] })
    class BacktestsModule {}
    // The discovery runs at the jobs module's init, before the stand-in's: the decorated one is named first.
    await expect(boot({}, [BacktestsModule])).rejects.toThrow(/job "backtests\.run" has two handlers \(from BacktestsModule \(BacktestRunner\.onRun\) and DomainModules\)/);
  });

  it('fails the boot when a module registers a handler for an unknown job', async () => {
    await expect(boot({}, [registering(['orders.amend'])])).rejects.toThrow(/Job handlers do not match the job registry:[\s\S]*unknown job "orders.amend"/);
  });

  it('keeps the schedule on the market clock when the data module provides one', async () => {
    @Module({ providers: [{ provide: MARKET_CLOCK, useValue: new FixedClock(epochMsOfIst('2026-11-25', '10:00:03')) }], exports: [MARKET_CLOCK] })
    class FakeDataModule {}
    const app = await boot({}, [FakeDataModule]);
    try {
      const ids = (await app.get(ScheduleTicker).tick()).map((r) => r.jobId);
      expect(ids).toContain('strategy.kotak.evaluate-entry@2026-11-25T10.00.00');
    } finally {
      await app.close();
    }
  });

  it('uses BullMQ when REDIS_URL is set and keeps the schedule as a job scheduler in Redis', async () => {
    const prefix = uniquePrefix();
    const app = await boot({ REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix, MCUBE_JOB_SCHEDULE: 'true' });
    try {
      const queue = app.get<JobQueue>(JOB_QUEUE);
      expect(queue.driver).toBe('bullmq');
      expect(await queue.listSchedules()).toEqual([{ id: 'mcube-schedule-tick', job: 'schedule.tick', everyMs: 1000 }]);
    } finally {
      await app.close();
      await deletePrefix(SHARED_REDIS_URL, prefix);
    }
  });
});
