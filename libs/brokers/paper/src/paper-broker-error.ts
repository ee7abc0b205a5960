import { BrokerError, DomainError, type BrokerErrorKind } from '@mcube/domain';

/** A `BrokerError` from the paper broker (details.broker = 'PAPER'). */
export function paperError(kind: BrokerErrorKind, message: string, extra: { brokerCode?: string; retryAfterMs?: number; cause?: unknown } = {}): BrokerError {
  return new BrokerError(kind, message, { broker: 'PAPER', ...extra });
}

/**
 * Any failure turned into the port's vocabulary, so nothing else ever leaves the client:
 * a `BrokerError` passes through; a `DomainError` (bad input caught by a domain rule) is
 * REJECTED; anything else (a store or market-data failure) is `fallback`, TEMPORARY by
 * default. The original error travels only in `details.cause`, for logs.
 */
export function toPaperError(error: unknown, context: string, fallback: BrokerErrorKind = 'TEMPORARY'): BrokerError {
  if (error instanceof BrokerError) return error;
  if (error instanceof DomainError) return paperError('REJECTED', `${context}: ${error.message}`, { brokerCode: error.code, cause: error });
  return paperError(fallback, `${context} failed inside the paper broker`, { cause: error });
}
