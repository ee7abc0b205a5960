/**
 * Every error code the API returns. Adding one here without a status in `httpStatusOf`
 * fails to compile.
 */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'CSRF_TOKEN_INVALID'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'SESSION_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DOMAIN_RULE_VIOLATED'
  | 'ORDER_DENIED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CREDENTIALS_KEY_MISSING'
  | 'SERVICE_UNAVAILABLE'
  | 'ORDER_COMMAND_TIMEOUT'
  | 'INTERNAL';
