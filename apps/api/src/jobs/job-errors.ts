/**
 * A job's payload is malformed (or carries a secret): the job fails at once, without retry,
 * and its handler never runs, so nothing changes.
 */
export class JobPayloadError extends Error {
  /** Drivers never retry it. */
  readonly unrecoverable = true;

  constructor(
    readonly jobName: string,
    problem: string,
  ) {
    super(`job ${jobName}: ${problem}`);
    this.name = 'JobPayloadError';
  }
}

/** Boot-time check of handlers against the registry failed; the message lists every problem. */
export class JobRegistryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Job handlers do not match the job registry:\n  - ${problems.join('\n  - ')}`);
    this.name = 'JobRegistryError';
  }
}

/** Whether a driver must not retry after `err` (malformed payload, or a handler's explicit verdict). */
export function isUnrecoverable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { unrecoverable?: unknown }).unrecoverable === true;
}
