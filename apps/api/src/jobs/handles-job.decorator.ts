import { SetMetadata } from '@nestjs/common';
import type { JobContext } from './job-queue.port';
import type { JobName, JobPayloads } from './job-registry';

/** Metadata key of `@HandlesJob` (read by `JobHandlersDiscovery` and `registerJobHandlersOf`). */
export const HANDLES_JOB = 'mcube:handles-job';

/**
 * Marks a provider's method as the handler of job `name`; `JobHandlersDiscovery` registers it
 * at init. The method is checked against the job's payload type (it may take fewer arguments,
 * and what it resolves to is ignored). Named `HandlesJob` because `JobHandler` is the handler type.
 */
export function HandlesJob<N extends JobName>(name: N) {
  // Generic in the method's own type: a descriptor is invariant in it (its `set`), so a bare
  // `TypedPropertyDescriptor<JobHandler<N>>` would refuse a method that takes fewer arguments.
  return <M extends (payload: JobPayloads[N], context: JobContext) => Promise<unknown>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(HANDLES_JOB, name)(target, key, descriptor);
  };
}
