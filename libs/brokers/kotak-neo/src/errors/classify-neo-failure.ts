import { KotakNeoError } from './kotak-neo.error';
import { meaningOfUncodedFailure, NEO_CODES, type NeoCodeMeaning } from './neo-error-codes';
import type { NeoFailureBody } from '../parse/neo-failure-body';

/** What came back for one call, before the endpoint's own parser runs. */
export interface NeoAnswer {
  /** Names the call in messages ('placing an order'). */
  readonly what: string;
  readonly status: number;
  readonly retryAfterHeader?: string;
  /** The body parsed as JSON, or `undefined` when it was not JSON. */
  readonly json: unknown;
  readonly jsonParsed: boolean;
  readonly failure?: NeoFailureBody;
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}

function fromMeaning(answer: NeoAnswer, meaning: NeoCodeMeaning, code: string | undefined, message: string): KotakNeoError {
  const codeText = code ? ` [${code}]` : '';
  const text = meaning.haltMessage ? `${meaning.haltMessage} (Kotak${codeText}: ${message})` : `Kotak Neo refused ${answer.what}${codeText}: ${message}`;
  return new KotakNeoError(meaning.kind, text, {
    reason: meaning.reason,
    neoCode: code,
    httpStatus: answer.status,
    retryAfterMs: meaning.kind === 'RATE_LIMITED' ? retryAfterMs(answer.retryAfterHeader) : undefined,
    halt: meaning.haltMessage ? { critical: true, message: meaning.haltMessage } : undefined,
  });
}

/**
 * The error an answer stands for, or undefined when it is a success to parse. Order of
 * precedence: HTTP 429 (RATE_LIMITED, nothing processed) and 5xx (TEMPORARY, may have been
 * processed), then a failure body (`stat: Not_Ok` with HTTP 200 included) by Kotak code,
 * then other HTTP errors (401/403 AUTH_EXPIRED, other 4xx REJECTED), then a 2xx body that
 * is not JSON (UNKNOWN: it may have been processed).
 */
export function classifyNeoAnswer(answer: NeoAnswer): KotakNeoError | undefined {
  const { status } = answer;
  if (status === 429) {
    return new KotakNeoError('RATE_LIMITED', `Kotak Neo rate-limited ${answer.what} (HTTP 429)`, {
      reason: 'RATE_LIMITED',
      httpStatus: status,
      retryAfterMs: retryAfterMs(answer.retryAfterHeader),
    });
  }
  if (status >= 500) {
    return new KotakNeoError('TEMPORARY', `Kotak Neo failed ${answer.what} (HTTP ${status}); the outcome is unknown`, { reason: 'SERVER_ERROR', httpStatus: status });
  }
  if (answer.failure) {
    const { code, message } = answer.failure;
    const known = code !== undefined ? NEO_CODES[code] : undefined;
    const numeric = code !== undefined && /^\d+$/.test(code) ? Number(code) : undefined;
    return fromMeaning(answer, known ?? meaningOfUncodedFailure(numeric ?? (status >= 400 ? status : undefined), message), code, message);
  }
  if (status === 401 || status === 403) {
    return new KotakNeoError('AUTH_EXPIRED', `Kotak Neo refused the session for ${answer.what} (HTTP ${status})`, { reason: 'SESSION_EXPIRED', httpStatus: status });
  }
  if (status < 200 || status >= 300) {
    return new KotakNeoError('REJECTED', `Kotak Neo refused ${answer.what} (HTTP ${status})`, { reason: 'INVALID_REQUEST', httpStatus: status });
  }
  if (!answer.jsonParsed) {
    return new KotakNeoError('UNKNOWN', `Kotak Neo answered ${answer.what} with a body that is not JSON; the outcome is unknown`, {
      reason: 'MALFORMED_RESPONSE',
      httpStatus: status,
    });
  }
  return undefined;
}
