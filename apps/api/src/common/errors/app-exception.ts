import { AppErrorCode } from './app-error-code';

/**
 * A coded, expected failure. Services throw it; the global filter turns it into
 * `{ code, message, correlationId }` with the status of `httpStatusOf(code)`.
 * The message is shown to the client: never put secrets or internals in it.
 */
export class AppException extends Error {
  /** The message as sent to the client (a list for validation failures). */
  readonly messages: string | string[];

  constructor(
    readonly code: AppErrorCode,
    message: string | string[],
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
    /** Extra fields of the response body (e.g. an order denial's codes and journaled ids). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(Array.isArray(message) ? message.join('; ') : message);
    this.name = 'AppException';
    this.messages = message;
  }
}
