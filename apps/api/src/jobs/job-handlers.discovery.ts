import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { HANDLES_JOB } from './handles-job.decorator';
import { JobHandlersRegistry } from './job-handlers.registry';
import type { JobHandler } from './job-queue.port';
import type { JobName } from './job-registry';

/**
 * Registers, once, every `@HandlesJob` method of `instance` in `handlers`; `owner` prefixes the
 * registrant named in error messages. Used by the discovery and by hand-built tests.
 */
export function registerJobHandlersOf(handlers: JobHandlersRegistry, instance: object, owner?: string): void {
  const proto = Object.getPrototypeOf(instance) as object | null;
  if (!proto) return;
  const className = instance.constructor.name;
  for (const method of new MetadataScanner().getAllMethodNames(proto)) {
    const fn = (proto as Record<string, unknown>)[method] as (...args: unknown[]) => Promise<unknown>;
    const name = Reflect.getMetadata(HANDLES_JOB, fn) as JobName | undefined;
    if (!name) continue;
    const handler: JobHandler = async (payload, context) => void (await fn.call(instance, payload, context));
    handlers.register(name, handler, owner ? `${owner} (${className}.${method})` : `${className}.${method}`);
  }
}

/**
 * Finds, at init, every `@HandlesJob` method of every provider of the application and registers
 * it in the registry (the one place handlers are registered). A provider reached twice (an
 * alias by `useExisting`) counts once; a job handled twice, or unknown, fails the boot in
 * `JobsLifecycle` through `JobHandlersRegistry.verify()`, naming both registrants. So a handler
 * that only some processes run lives on a provider that only those processes have.
 */
@Injectable()
export class JobHandlersDiscovery implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly handlers: JobHandlersRegistry,
  ) {}

  onModuleInit(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | null | undefined;
      // Request-scoped and not yet built providers have no shared instance to call.
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic() || seen.has(instance)) continue;
      seen.add(instance);
      registerJobHandlersOf(this.handlers, instance, wrapper.host?.name);
    }
  }
}
