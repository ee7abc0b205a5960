import { Inject, Injectable, type Type } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { isUnrecoverable } from '../job-errors';
import { JOB_LOGGER, JOB_RUNNER } from '../job-queue.port';
import { isJobName, jobDefinition, QUEUE_NAMES, type QueueName } from '../job-registry';
import type { JobLogger, JobRunner } from '../job-runner';

/** Runs one BullMQ job through the shared `JobRunner` and maps its errors to BullMQ's retry rules. */
@Injectable()
export class BullMqJobExecutor {
  constructor(@Inject(JOB_RUNNER) private readonly runner: JobRunner) {}

  /** Throws what the runner throws; as UnrecoverableError when the registry forbids a retry. */
  async process(job: Job): Promise<void> {
    try {
      // The lag of a first attempt: from the time it was added (plus its delay) to now, wall time.
      const dueAtWallMs = job.attemptsMade === 0 ? job.timestamp + (job.delay ?? 0) : undefined;
      await this.runner.run({ name: job.name, payload: job.data, jobId: String(job.id), attempt: job.attemptsMade + 1, dueAtWallMs });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // BullMQ retries unless told otherwise: bad payloads, unknown jobs and orders never are.
      if (isUnrecoverable(err) || !isJobName(job.name) || jobDefinition(job.name).attempts === 1) throw new UnrecoverableError(message);
      throw err;
    }
  }
}

/**
 * The @nestjs/bullmq processor of one registry queue: concurrency 1, so each queue is serial
 * in this process. Its worker is created by `BullRegistrar.register()` (manual registration:
 * only in a process that runs workers, once Redis is reachable).
 */
function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor({ name: queue }, { concurrency: 1 })
  class QueueProcessor extends WorkerHost {
    constructor(
      private readonly executor: BullMqJobExecutor,
      @Inject(JOB_LOGGER) private readonly logger: JobLogger,
    ) {
      super();
    }

    process(job: Job): Promise<void> {
      return this.executor.process(job);
    }

    @OnWorkerEvent('error')
    onWorkerError(err: Error): void {
      this.logger.warn({ msg: 'job worker error', queue, err: err.message });
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `JobProcessor_${queue.replace(/-/g, '_')}` });
  return QueueProcessor;
}

/** One processor class per registry queue, in `QUEUE_NAMES` order. */
export const JOB_PROCESSORS: readonly Type<WorkerHost>[] = QUEUE_NAMES.map(processorFor);
