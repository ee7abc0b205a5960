import { Injectable, Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { HandlesJob } from '../../src/jobs/handles-job.decorator';
import { JobRegistryError } from '../../src/jobs/job-errors';
import { JobHandlersDiscovery, registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import type { BacktestRunPayload, JobName } from '../../src/jobs/job-registry';

/** Records the runs it handles; `this` must be the provider (its own state is used). */
@Injectable()
class BacktestRunner {
  readonly runs: number[] = [];

  @HandlesJob('backtests.run')
  async onRun(p: BacktestRunPayload): Promise<number> {
    this.runs.push(p.runId);
    return p.runId;
  }

  /** Not a handler: never registered. */
  async other(): Promise<void> {
    this.runs.push(-1);
  }
}

/** Handles `backtests.run` too: a second handler. */
@Injectable()
class SecondBacktestRunner {
  @HandlesJob('backtests.run')
  async onRun(): Promise<void> {
    await Promise.resolve();
  }
}

/** No decorated method at all. */
@Injectable()
class Undecorated {
  readonly runs: number[] = [];
  async run(): Promise<void> {
    this.runs.push(1);
  }
}

@Injectable()
class WrongPayload {
  // @ts-expect-error: `alerts.deliver` carries an AlertDeliverPayload, not a BacktestRunPayload.
  @HandlesJob('alerts.deliver')
  async onDeliver(p: BacktestRunPayload): Promise<number> {
    return p.runId;
  }
}

async function boot(...providers: Array<Type | { provide: string; useExisting: Type }>): Promise<INestApplicationContext> {
  @Module({ imports: [DiscoveryModule], providers: [JobHandlersRegistry, JobHandlersDiscovery, ...providers] })
  class BacktestsModule {}
  const moduleRef = await Test.createTestingModule({ imports: [BacktestsModule] }).compile();
  return moduleRef.createNestApplication({ logger: false }).init();
}

const ctx = (name: JobName) => ({ name, jobId: `${name}@1`, attempt: 1 });

/** What `verify()` reports (nothing when it passes). */
function problemsOf(registry: JobHandlersRegistry): readonly string[] {
  try {
    registry.verify();
    return [];
  } catch (e) {
    if (!(e instanceof JobRegistryError)) throw e;
    return e.problems;
  }
}

describe('JobHandlersDiscovery', () => {
  it('registers a decorated method of a provider, called on that provider with the payload', async () => {
    const app = await boot(BacktestRunner, Undecorated);
    try {
      const registry = app.get(JobHandlersRegistry);
      await registry.handlerFor('backtests.run')({ runId: 7 }, ctx('backtests.run'));
      expect(app.get(BacktestRunner).runs).toEqual([7]);
      expect(registry.ownerOf('backtests.run')).toBe('BacktestsModule (BacktestRunner.onRun)');
    } finally {
      await app.close();
    }
  });

  it('ignores undecorated methods and providers', async () => {
    const app = await boot(BacktestRunner, Undecorated);
    try {
      const registry = app.get(JobHandlersRegistry);
      // Only the one decorated method is there: every other job is reported missing, nothing else.
      const problems = problemsOf(registry);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems).not.toContain('job "backtests.run" has no handler');
      expect(problems.filter((p) => !p.endsWith('has no handler'))).toEqual([]);
      expect(app.get(BacktestRunner).runs).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('reports a job handled by two providers, naming both', async () => {
    const app = await boot(BacktestRunner, SecondBacktestRunner);
    try {
      expect(() => app.get(JobHandlersRegistry).verify()).toThrow(
        /job "backtests\.run" has two handlers \(from BacktestsModule \((Second)?BacktestRunner\.onRun\) and BacktestsModule \((Second)?BacktestRunner\.onRun\)\)/,
      );
    } finally {
      await app.close();
    }
  });

  it('counts a provider reached through an alias once', async () => {
    const app = await boot(BacktestRunner, { provide: 'BACKTEST_RUNNER', useExisting: BacktestRunner });
    try {
      const registry = app.get(JobHandlersRegistry);
      expect(problemsOf(registry).filter((p) => p.includes('two handlers'))).toEqual([]);
      expect(registry.ownerOf('backtests.run')).toBe('BacktestsModule (BacktestRunner.onRun)');
    } finally {
      await app.close();
    }
  });

  it('registers a hand-built instance with registerJobHandlersOf', async () => {
    const registry = new JobHandlersRegistry();
    const runner = new BacktestRunner();
    registerJobHandlersOf(registry, runner);
    registerJobHandlersOf(registry, new Undecorated());
    await registry.handlerFor('backtests.run')({ runId: 3 }, ctx('backtests.run'));
    expect(runner.runs).toEqual([3]);
    expect(registry.ownerOf('backtests.run')).toBe('BacktestRunner.onRun');
    expect(new WrongPayload()).toBeInstanceOf(WrongPayload);
  });
});
