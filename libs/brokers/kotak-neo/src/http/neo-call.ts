import { classifyNeoAnswer } from '../errors/classify-neo-failure';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { failureOfBody } from '../parse/neo-failure-body';
import { NeoTransportError, type NeoHttp, type NeoHttpRequest, type NeoHttpResponse } from './neo-http.client';

/** One call: the request plus a phrase naming it in error messages ('placing an order'). */
export interface NeoCall extends NeoHttpRequest {
  readonly what: string;
}

/** A transport failure in the port's words: no answer means the outcome is unknown. */
export function transportError(error: unknown, what: string): KotakNeoError {
  if (error instanceof KotakNeoError) return error;
  if (error instanceof NeoTransportError) {
    if (error.failure === 'TOO_LARGE') return new KotakNeoError('UNKNOWN', `Kotak Neo answered ${what} with too much data (${error.message})`, { reason: 'MALFORMED_RESPONSE', cause: error });
    const reason = error.failure === 'TIMEOUT' ? 'TIMEOUT' : 'NETWORK';
    return new KotakNeoError('TEMPORARY', `Kotak Neo did not answer ${what}: ${error.message}; the outcome is unknown`, { reason, cause: error });
  }
  return new KotakNeoError('UNKNOWN', `Kotak Neo call failed while ${what}`, { reason: 'NETWORK', cause: error });
}

async function send(http: NeoHttp, call: NeoCall): Promise<NeoHttpResponse> {
  try {
    return await http.request(call);
  } catch (error) {
    throw transportError(error, call.what);
  }
}

function header(res: NeoHttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Sends one request (never retried here) and returns its JSON body, or throws the
 * `KotakNeoError` the answer stands for (see `classifyNeoAnswer`). The caller's parser
 * then validates the shape.
 */
export async function neoJsonCall(http: NeoHttp, call: NeoCall): Promise<unknown> {
  const res = await send(http, call);
  let json: unknown;
  let jsonParsed = true;
  try {
    json = JSON.parse(res.text);
  } catch {
    jsonParsed = false;
  }
  const error = classifyNeoAnswer({
    what: call.what,
    status: res.status,
    retryAfterHeader: header(res, 'retry-after'),
    json,
    jsonParsed,
    failure: jsonParsed ? failureOfBody(json) : undefined,
  });
  if (error) throw error;
  return json;
}

/** Downloads a text file (the scrip master): HTTP 200 and a non-empty body, or a `KotakNeoError`. */
export async function neoTextCall(http: NeoHttp, call: NeoCall): Promise<string> {
  const res = await send(http, call);
  const error = res.status === 200 ? undefined : classifyNeoAnswer({ what: call.what, status: res.status, retryAfterHeader: header(res, 'retry-after'), json: undefined, jsonParsed: false });
  if (error) throw error;
  return res.text;
}
