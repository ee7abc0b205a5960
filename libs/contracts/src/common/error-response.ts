/** The body of every error the API returns: a stable code, a readable message, the correlation id. */
export interface ErrorResponse {
  code: string;
  message: string | string[];
  correlationId: string;
}
