import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Principal } from './principal';

/** What the API knows about the request being served, for logs and the audit trail. */
export interface RequestContext {
  correlationId: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the current request, or undefined outside one (jobs, boot). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** An incoming x-request-id is kept only when short and plain, so it cannot inject into logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's correlation id (set by `requestContextMiddleware`). */
export function correlationIdOf(req: Request): string {
  const id = (req as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : 'unknown';
}

/**
 * First middleware of the stack: takes the correlation id from `x-request-id` (or makes one),
 * echoes it in the response header and opens the async context for the rest of the request.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const correlationId = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = correlationId;
  res.setHeader('x-request-id', correlationId);
  storage.run({ correlationId }, () => next());
}

/**
 * Runs `fn` as a request of `principal` outside HTTP (a Telegram command): the audit trail and
 * the services see the same actor and correlation id as for a REST call.
 */
export function runAsPrincipal<T>(principal: Principal, correlationId: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ correlationId, principal }, fn);
}
