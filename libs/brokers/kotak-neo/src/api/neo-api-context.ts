import type { KotakNeoSession } from '../auth/kotak-neo-session';
import { neoJsonCall } from '../http/neo-call';
import { encodeJData } from '../http/neo-form';
import type { NeoHttp } from '../http/neo-http.client';
import type { ResolvedKotakNeoConfig } from '../kotak-neo.config';
import { KotakNeoError } from '../errors/kotak-neo.error';

/** What every endpoint function needs. */
export interface NeoApiContext {
  readonly http: NeoHttp;
  readonly config: ResolvedKotakNeoConfig;
  /** The app's consumer key (header `Authorization`), read from the caller's store. */
  readonly consumerKey: () => Promise<string>;
}

/** One authenticated call on the session's `baseUrl`. */
export interface SessionCall {
  readonly what: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** jData fields of a POST (all strings). */
  readonly form?: Readonly<Record<string, string>>;
  /** 'order' for place/modify/cancel (shorter deadline), else 'read'. */
  readonly timeout: 'order' | 'read';
}

/**
 * Sends one call with the session headers Kotak wants (`Auth`, `Sid`, plus both `neo-fin-key`
 * as OpenAlgo sends and `Authorization: <consumer key>` as the SDK sends), form-encoded jData
 * for POSTs, and returns the JSON body or throws the classified `KotakNeoError`.
 */
export async function sessionCall(ctx: NeoApiContext, session: KotakNeoSession, call: SessionCall): Promise<unknown> {
  const headers: Record<string, string> = {
    ...session.authHeaders(),
    'neo-fin-key': ctx.config.neoFinKey,
    Authorization: await ctx.consumerKey(),
    accept: 'application/json',
  };
  let body: string | undefined;
  if (call.method === 'POST') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = encodeJData(call.form ?? {});
  }
  return neoJsonCall(ctx.http, {
    what: call.what,
    method: call.method,
    url: `${session.baseUrl}/${call.path}`,
    headers,
    body,
    timeoutMs: call.timeout === 'order' ? ctx.config.timeouts.orderMs : ctx.config.timeouts.readMs,
    maxResponseBytes: ctx.config.maxBytes.json,
  });
}

/** A list read where Kotak's "No Data" (5203) means an empty list, not a failure. */
export async function sessionListCall<T>(ctx: NeoApiContext, session: KotakNeoSession, call: SessionCall, parse: (json: unknown) => readonly T[]): Promise<readonly T[]> {
  try {
    return parse(await sessionCall(ctx, session, call));
  } catch (error) {
    if (error instanceof KotakNeoError && error.reason === 'NO_DATA') return [];
    throw error;
  }
}
