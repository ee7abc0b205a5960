import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, BullRegistrar, getQueueToken, type WorkerHost } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { JobHandlersRegistry } from '../job-handlers.registry';
import { BULLMQ_JOB_QUEUE, JOB_LOGGER } from '../job-queue.port';
import { QUEUE_NAMES } from '../job-registry';
import type { JobLogger } from '../job-runner';
import { BULLMQ_CONNECTION, BULLMQ_OPTIONS, BullMqConnectionModule, type BullMqJobsOptions } from './bullmq-connection';
import { BullMqJobQueue } from './bullmq-job-queue';
import { BullMqJobExecutor, JOB_PROCESSORS } from './job-processors';

/**
 * The BullMQ driver's wiring with @nestjs/bullmq: the shared connection and prefix
 * (`BullModule.forRootAsync`), one queue per registry queue (`registerQueue`), one
 * `WorkerHost` processor per queue, and `BullMqJobQueue` (provided as `BULLMQ_JOB_QUEUE`) over
 * them. Workers are registered manually, by `startProcessing`, so a process with
 * MCUBE_RUN_WORKERS=false only enqueues. Imported by `JobsModule.forRoot` only when REDIS_URL
 * is set (this file is then loaded, and bullmq and ioredis with it). Needs `JOB_RUNNER`,
 * `JOB_LOGGER` and `JobHandlersRegistry` from the (global) jobs module.
 */
@Module({})
export class BullMqJobsModule {
  static forRoot(opts: BullMqJobsOptions): DynamicModule {
    const connection = BullMqConnectionModule.forRoot(opts);
    return {
      module: BullMqJobsModule,
      imports: [
        connection,
        BullModule.forRootAsync({
          imports: [connection],
          inject: [BULLMQ_CONNECTION, BULLMQ_OPTIONS],
          useFactory: (redis: IORedis, o: BullMqJobsOptions) => ({ connection: redis, prefix: o.prefix }),
          extraOptions: { manualRegistration: true },
        }),
        BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
      ],
      providers: [
        BullMqJobExecutor,
        ...JOB_PROCESSORS,
        {
          provide: BULLMQ_JOB_QUEUE,
          inject: [BULLMQ_CONNECTION, BullRegistrar, JobHandlersRegistry, JOB_LOGGER, ...QUEUE_NAMES.map((name) => getQueueToken(name)), ...JOB_PROCESSORS],
          useFactory: (redis: IORedis, registrar: BullRegistrar, handlers: JobHandlersRegistry, logger: JobLogger, ...rest: unknown[]) => {
            const queues = rest.slice(0, QUEUE_NAMES.length) as Queue[];
            const processors = rest.slice(QUEUE_NAMES.length) as WorkerHost[];
            return new BullMqJobQueue({
              prefix: opts.prefix,
              connection: redis,
              queues: new Map(QUEUE_NAMES.map((name, i) => [name, queues[i] as Queue])),
              registrar,
              processors,
              handlers,
              logger,
            });
          },
        },
      ],
      exports: [BULLMQ_JOB_QUEUE],
    };
  }
}
