/**
 * Codes for invalid input to a domain function. A caller can switch on `code`;
 * the message says which argument was wrong and why, in words a trader can read.
 */
export type DomainErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'UNKNOWN_DATE'
  | 'NOT_ON_GRID'
  | 'NO_EXPIRY_AVAILABLE'
  | 'PRICE_OUT_OF_BOUNDS'
  | 'ILLEGAL_TRANSITION';

/**
 * The one error type thrown by `@mcube/domain` for bad input. Pure functions never
 * return NaN or silently clamp: they throw this with a code and a clear message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
