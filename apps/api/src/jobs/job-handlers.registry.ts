import { Injectable } from '@nestjs/common';
import { JobRegistryError } from './job-errors';
import type { JobHandler } from './job-queue.port';
import { isJobName, JOB_NAMES, type JobName } from './job-registry';

interface Registration {
  handler: JobHandler;
  owner: string;
}

/**
 * Collects the handlers other modules register (in their `onModuleInit`), and checks at boot
 * that every registry job has exactly one and that none is unknown. Registering never throws:
 * problems are gathered so `verify()` can report them all at once.
 */
@Injectable()
export class JobHandlersRegistry {
  private readonly handlers = new Map<JobName, Registration>();
  private readonly problems: string[] = [];

  /** Registers the handler of `name`; `owner` names the registrant in error messages. */
  register<N extends JobName>(name: N, handler: JobHandler<N>, owner = 'unnamed'): void {
    if (!isJobName(name)) {
      this.problems.push(`handler for unknown job "${String(name)}" (from ${owner})`);
      return;
    }
    const existing = this.handlers.get(name);
    if (existing) {
      this.problems.push(`job "${name}" has two handlers (from ${existing.owner} and ${owner})`);
      return;
    }
    this.handlers.set(name, { handler: handler as unknown as JobHandler, owner });
  }

  /** Throws JobRegistryError listing every missing, unknown or duplicate handler. */
  verify(): void {
    const missing = JOB_NAMES.filter((n) => !this.handlers.has(n)).map((n) => `job "${n}" has no handler`);
    const problems = [...missing, ...this.problems];
    if (problems.length > 0) throw new JobRegistryError(problems);
  }

  /** The handler of `name`; throws JobRegistryError when there is none. */
  handlerFor(name: JobName): JobHandler {
    const registration = this.handlers.get(name);
    if (!registration) throw new JobRegistryError([`job "${name}" has no handler`]);
    return registration.handler;
  }

  /** Who registered the handler of `name`, if anyone. */
  ownerOf(name: JobName): string | undefined {
    return this.handlers.get(name)?.owner;
  }
}
