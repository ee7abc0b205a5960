import type { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse, OrderDeniedResponse } from '@mcube/contracts';
import { lineErrorsOf } from './line-errors';

/** A failed API call in readable form: status, the API's code, and its messages (one per problem). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: readonly string[],
    readonly correlationId: string | null,
    /** ORDER_DENIED (422): every risk-denial code, in check order. */
    readonly denials: readonly string[] = [],
  ) {
    super(messages.join('; '));
    this.name = 'ApiError';
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  const b = body as Partial<ErrorResponse> | null;
  return typeof b === 'object' && b !== null && typeof b.code === 'string' && (typeof b.message === 'string' || Array.isArray(b.message));
}

function isOrderDenied(body: ErrorResponse): body is OrderDeniedResponse {
  const denials = (body as Partial<OrderDeniedResponse>).denials;
  return body.code === 'ORDER_DENIED' && Array.isArray(denials) && denials.every((d) => typeof d === 'string');
}

/**
 * Turns any HttpClient failure into an ApiError with a message a trader can read (a rejected
 * import lists its bad lines). An order the risk checks denied (422 ORDER_DENIED) says so with
 * every code: the orders stay in the journal.
 */
export function toApiError(err: HttpErrorResponse): ApiError {
  if (isErrorResponse(err.error)) {
    if (isOrderDenied(err.error)) {
      const message = `Denied by the risk checks (${err.error.denials.join(', ')}): ${String(err.error.message)}. Nothing was sent; the denied orders are in the journal.`;
      return new ApiError(err.status, err.error.code, [message], err.error.correlationId ?? null, err.error.denials);
    }
    const messages = [...(Array.isArray(err.error.message) ? err.error.message : [err.error.message]), ...lineErrorsOf(err.error)];
    return new ApiError(err.status, err.error.code, messages, err.error.correlationId ?? null);
  }
  if (err.status === 0) return new ApiError(0, 'NETWORK', ['The server cannot be reached. Check that mCube is running.'], null);
  return new ApiError(err.status, 'HTTP_' + err.status, [`The server answered ${err.status} ${err.statusText}`.trim()], null);
}

/** The readable text of any thrown value (ApiError or not). */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.messages.join(' · ');
  return err instanceof Error ? err.message : 'Unexpected error';
}
