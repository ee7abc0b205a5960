import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import IORedis from 'ioredis';
import { JOB_LOGGER } from '../job-queue.port';
import type { JobLogger } from '../job-runner';

/** Where the BullMQ driver keeps its queues. */
export interface BullMqJobsOptions {
  redisUrl: string;
  /** Key prefix in Redis: one per deployment (tests use a unique one and remove it). */
  prefix: string;
}

/** DI token of the `BullMqJobsOptions`. */
export const BULLMQ_OPTIONS = Symbol('mcube:bullmq-options');

/** DI token of the one ioredis connection every queue of the process shares. */
export const BULLMQ_CONNECTION = Symbol('mcube:bullmq-connection');

const connectionProvider: Provider = {
  provide: BULLMQ_CONNECTION,
  inject: [BULLMQ_OPTIONS, JOB_LOGGER],
  useFactory: (opts: BullMqJobsOptions, logger: JobLogger): IORedis => {
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest null (commands wait for a reconnect).
    const connection = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', (err: Error) => logger.warn({ msg: 'redis connection error', err: err.message }));
    return connection;
  },
};

/**
 * The Redis connection of the BullMQ driver, shared by the queues (the workers duplicate it
 * for their blocking reads, as BullMQ does). Closed by `BullMqJobQueue` at shutdown, after
 * the workers and queues that use it.
 */
@Module({})
export class BullMqConnectionModule {
  static forRoot(opts: BullMqJobsOptions): DynamicModule {
    return {
      module: BullMqConnectionModule,
      providers: [{ provide: BULLMQ_OPTIONS, useValue: opts }, connectionProvider],
      exports: [BULLMQ_OPTIONS, BULLMQ_CONNECTION],
    };
  }
}
