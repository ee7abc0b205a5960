import { HttpStatus } from '@nestjs/common';
import { AppErrorCode } from './app-error-code';

/** The one mapping from error code to HTTP status; the `never` check makes it exhaustive. */
export function httpStatusOf(code: AppErrorCode): HttpStatus {
  switch (code) {
    case 'BAD_REQUEST':
    case 'VALIDATION_FAILED':
      return HttpStatus.BAD_REQUEST;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return HttpStatus.UNAUTHORIZED;
    case 'FORBIDDEN':
    case 'CSRF_TOKEN_INVALID':
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'SESSION_REQUIRED':
      return HttpStatus.FORBIDDEN;
    case 'NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'CONFLICT':
      return HttpStatus.CONFLICT;
    case 'DOMAIN_RULE_VIOLATED':
    case 'ORDER_DENIED':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'PAYLOAD_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'RATE_LIMITED':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'CREDENTIALS_KEY_MISSING':
    case 'SERVICE_UNAVAILABLE':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'ORDER_COMMAND_TIMEOUT':
      return HttpStatus.GATEWAY_TIMEOUT;
    case 'INTERNAL':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unmapped: never = code;
      throw new Error(`No HTTP status for error code ${String(unmapped)}`);
    }
  }
}

/** The code used for an HttpException raised by Nest or Express itself (unknown route, bad JSON…). */
export function codeOfHttpStatus(status: number): AppErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}
