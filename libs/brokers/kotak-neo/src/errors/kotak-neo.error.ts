import { BrokerError, type BrokerErrorKind } from '@mcube/domain';

/**
 * Why a Kotak Neo call failed, one level finer than the port's `BrokerErrorKind`. Callers
 * switch on `kind` for the order outcome and on `reason`/`halt` for what to do next.
 */
export type KotakNeoErrorReason =
  | 'SESSION_EXPIRED'
  | 'SESSION_EXPIRED_AGAIN'
  | 'STATIC_IP_NOT_REGISTERED'
  | 'ALGO_ORDER_NOT_ALLOWED'
  | 'LOGIN_REJECTED'
  | 'NO_SESSION'
  | 'INVALID_INSTRUMENT'
  | 'ORDER_COMPLETE'
  | 'NO_DATA'
  | 'INSUFFICIENT_FUNDS'
  | 'BROKER_REJECTED'
  | 'INVALID_REQUEST'
  | 'NOT_IN_MASTER'
  | 'NOT_OFFERED'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'MALFORMED_RESPONSE'
  | 'MASTER_INVALID'
  | 'INTERNAL';

/** The message a 100008 answer carries to the trader (DECISIONS §3). */
export const STATIC_IP_MESSAGE = 'orders must leave from the registered static IP';

/** Details of a `KotakNeoError` beyond the port's. */
export interface KotakNeoErrorInit {
  readonly reason: KotakNeoErrorReason;
  /** Kotak's `stCode`/error code, as text. */
  readonly neoCode?: string;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  /**
   * Set when trading on the account must stop until a person acts (IP not registered, algo
   * orders refused, login refused, the session expired again after its one re-login): the
   * caller halts the account and raises a CRITICAL alert with this message.
   */
  readonly halt?: { readonly critical: true; readonly message: string };
  readonly cause?: unknown;
}

/**
 * The one error this library throws: a `BrokerError` (so the gateway's `placeOrderOutcome`
 * applies) with Kotak's code, a finer reason and the halting flag. Messages never carry
 * tokens, the MPIN or the TOTP secret.
 */
export class KotakNeoError extends BrokerError {
  readonly reason: KotakNeoErrorReason;
  readonly neoCode?: string;
  readonly httpStatus?: number;
  readonly halt?: { readonly critical: true; readonly message: string };

  constructor(kind: BrokerErrorKind, message: string, init: KotakNeoErrorInit) {
    super(kind, message, { broker: 'KOTAK', brokerCode: init.neoCode, retryAfterMs: init.retryAfterMs, cause: init.cause });
    this.name = 'KotakNeoError';
    this.reason = init.reason;
    this.neoCode = init.neoCode;
    this.httpStatus = init.httpStatus;
    this.halt = init.halt;
  }
}

/** True when trading on the account must stop (see `KotakNeoErrorInit.halt`). */
export function isHaltingError(error: unknown): error is KotakNeoError & { halt: { critical: true; message: string } } {
  return error instanceof KotakNeoError && error.halt !== undefined;
}

/** A response that is not what the endpoint promises: UNKNOWN (it may have been acted on). */
export function malformed(what: string, detail: string, cause?: unknown): KotakNeoError {
  return new KotakNeoError('UNKNOWN', `Kotak Neo ${what}: malformed answer (${detail})`, { reason: 'MALFORMED_RESPONSE', cause });
}
