import { BrokerError } from '@mcube/domain';
import type { BreezeTransportError } from '../http/breeze-transport';
import type { BreezeParseError } from './breeze-parse-error';
import { BREEZE_ERROR_RULES } from './breeze-error-rules';

const BROKER = 'ICICI' as const;

/**
 * The BrokerError for an envelope that carries an `Error` text (or a Status other than 200).
 * `what` names the call for the message, e.g. 'place order'. Unrecognised text → UNKNOWN.
 */
export function brokerErrorOfEnvelope(what: string, error: string, status: number): BrokerError {
  const text = error.trim();
  const rule = BREEZE_ERROR_RULES.find((r) => r.pattern.test(text));
  if (rule) return new BrokerError(rule.kind, `ICICI ${what}: ${text}`, { broker: BROKER, brokerCode: rule.code });
  return new BrokerError('UNKNOWN', `ICICI ${what}: unrecognised answer (Status ${status}): ${text || '(no text)'}`, { broker: BROKER, brokerCode: `STATUS_${status}` });
}

/**
 * The BrokerError for an HTTP status other than 2xx when the body is not a Breeze envelope:
 * 429 → RATE_LIMITED (Retry-After honoured), 401/403 → AUTH_EXPIRED, 5xx and 408 → TEMPORARY
 * (may have happened), any other 4xx → REJECTED (the gateway refused it before processing).
 */
export function brokerErrorOfHttpStatus(what: string, status: number, retryAfter: string | undefined): BrokerError {
  const details = { broker: BROKER, brokerCode: `HTTP_${status}` };
  if (status === 429) return new BrokerError('RATE_LIMITED', `ICICI ${what}: HTTP 429 too many requests`, { ...details, retryAfterMs: retryAfterMs(retryAfter) });
  if (status === 401 || status === 403) return new BrokerError('AUTH_EXPIRED', `ICICI ${what}: HTTP ${status} (session, app key or IP refused)`, details);
  if (status >= 500 || status === 408) return new BrokerError('TEMPORARY', `ICICI ${what}: HTTP ${status}`, details);
  if (status >= 400) return new BrokerError('REJECTED', `ICICI ${what}: HTTP ${status}`, details);
  return new BrokerError('UNKNOWN', `ICICI ${what}: unexpected HTTP ${status}`, details);
}

/** A network failure: TEMPORARY either way (a request that never left is settled by lookup just the same). */
export function brokerErrorOfTransport(what: string, error: BreezeTransportError): BrokerError {
  const kind = error.phase === 'TOO_LARGE' ? 'UNKNOWN' : 'TEMPORARY';
  return new BrokerError(kind, `ICICI ${what}: ${error.message}`, { broker: BROKER, brokerCode: error.code ?? error.phase, cause: error });
}

/** An answer without the recorded shape. UNKNOWN: for an order it may have happened. */
export function malformedResponse(what: string, cause: BreezeParseError | SyntaxError | Error): BrokerError {
  return new BrokerError('UNKNOWN', `ICICI ${what}: malformed answer (${cause.message})`, { broker: BROKER, brokerCode: 'MALFORMED_RESPONSE', cause });
}

/** Refused by the adapter before anything was sent (bad request, unknown contract, no session…). */
export function refusedBeforeSending(kind: 'REJECTED' | 'AUTH_EXPIRED', message: string, code: string): BrokerError {
  return new BrokerError(kind, `ICICI: ${message}`, { broker: BROKER, brokerCode: code });
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  return undefined;
}
