import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@mcube/contracts';
import { lineErrorsOf } from './line-errors';

/** A failed API call in readable form: status, the API's code, and its messages (one per problem). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: readonly string[],
    readonly correlationId: string | null,
  ) {
    super(messages.join('; '));
    this.name = 'ApiError';
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  const b = body as Partial<ErrorResponse> | null;
  return typeof b === 'object' && b !== null && typeof b.code === 'string' && (typeof b.message === 'string' || Array.isArray(b.message));
}

/** Turns any HttpClient failure into an ApiError with a message a trader can read (a rejected import lists its bad lines). */
export function toApiError(err: HttpErrorResponse): ApiError {
  if (isErrorResponse(err.error)) {
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
