import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IS_PUBLIC } from '../../src/common/decorators/public.decorator';
import { ANY_ROLE_WRITE, REQUIRED_ROLE } from '../../src/common/decorators/roles.decorator';
import type { Role } from '../../src/common/request-context/principal';

/** One route as served by Express, with what its Nest handler declares (if it has one). */
export interface LiveRoute {
  method: string;
  path: string;
  nest?: { isPublic: boolean; requiredRole?: Role; anyRoleWrite: boolean };
}

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter((p) => p !== '')
      .join('/')
  );
}

/**
 * Every route registered on the Express router at runtime (not a hand-written list), with the
 * security metadata of the Nest handler behind it, found through Nest's module container.
 */
export function liveRoutes(app: NestExpressApplication): LiveRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const stack = express.router.stack;
  // A route answering every HTTP method is Nest's module middleware (the request logger,
  // mounted with app.all), not an endpoint; no handler of ours uses @All().
  const served: { method: string; path: string }[] = stack
    .filter((l) => l.route && !l.route.methods['_all'] && Object.keys(l.route.methods).length < 10)
    .flatMap((l) => Object.keys(l.route?.methods ?? {}).map((m) => ({ method: m.toUpperCase(), path: l.route?.path ?? '' })));

  const controllers = [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const declared = new Map<string, LiveRoute['nest']>();
  for (const wrapper of controllers) {
    const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!type || !instance) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      const handler = instance[name] as Function;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPath === undefined || method === undefined) continue;
      const meta = {
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, type]) === true,
        requiredRole: reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [handler, type]),
        anyRoleWrite: reflector.get<boolean>(ANY_ROLE_WRITE, handler) === true,
      };
      for (const cp of controllerPaths) {
        for (const mp of ([] as string[]).concat(methodPath)) {
          const prefix = cp === 'health' ? '' : 'api';
          declared.set(`${RequestMethod[method]} ${joinPath(prefix, cp, mp)}`, meta);
        }
      }
    }
  }
  const unserved = [...declared.keys()].filter((k) => !served.some((r) => `${r.method} ${r.path}` === k));
  if (unserved.length > 0) throw new Error(`Nest handlers missing from the Express router: ${unserved.join(', ')}`);
  return served.map((r) => ({ ...r, nest: declared.get(`${r.method} ${r.path}`) }));
}

/** A concrete URL for a route pattern, with each `:param` filled from `params` (default `1`). */
export function concretePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => String(params[name] ?? 1));
}

/** Whether the method changes state. */
export function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}
