import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorResponse } from '@mcube/contracts';
import { AppErrorCode } from '../errors/app-error-code';
import { AppException } from '../errors/app-exception';
import { codeOfHttpStatus, httpStatusOf } from '../errors/http-status-of';
import { correlationIdOf } from '../request-context/request-context';

interface Mapped {
  code: AppErrorCode;
  message: string | string[];
  headers: Readonly<Record<string, string>>;
  details?: Readonly<Record<string, unknown>>;
}

const GENERIC: Partial<Record<AppErrorCode, string>> = {
  NOT_FOUND: 'No such resource',
  BAD_REQUEST: 'The request could not be read',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  INTERNAL: 'Internal error: quote the correlation id when reporting it',
};

/** A DomainError from @mcube/domain, recognised by shape so the API does not depend on its internals. */
function isDomainError(err: unknown): err is Error & { code: string } {
  return err instanceof Error && err.name === 'DomainError' && typeof (err as { code?: unknown }).code === 'string';
}

/** An http-errors error raised by Express middleware (body parser: too large, bad JSON, bad charset). */
function isExposedHttpError(err: unknown): err is Error & { status: number } {
  const e = err as { expose?: unknown; status?: unknown };
  return err instanceof Error && e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500;
}

function mapError(err: unknown): Mapped {
  if (err instanceof AppException) return { code: err.code, message: err.messages, headers: err.headers, details: err.details };
  if (isDomainError(err)) return { code: 'DOMAIN_RULE_VIOLATED', message: `${err.code}: ${err.message}`, headers: {} };
  if (err instanceof HttpException) {
    const code = codeOfHttpStatus(err.getStatus());
    // Nest's own HttpExceptions (unknown route, unreadable JSON) carry framework wording; keep it generic.
    return { code, message: GENERIC[code] ?? err.message, headers: {} };
  }
  if (isExposedHttpError(err)) {
    const code = codeOfHttpStatus(err.status);
    const parseFailed = (err as { type?: unknown }).type === 'entity.parse.failed';
    return { code, message: parseFailed ? 'The request body is not valid JSON' : (GENERIC[code] ?? 'The request could not be read'), headers: {} };
  }
  return { code: 'INTERNAL', message: GENERIC.INTERNAL as string, headers: {} };
}

/**
 * The one exception filter: every error leaves as `{ code, message, correlationId }` with the
 * status of `httpStatusOf(code)`. Unknown errors become a 500 without internals and are logged
 * in full server-side with the correlation id.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GlobalExceptionFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw err;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const correlationId = correlationIdOf(req);
    const mapped = mapError(err);
    const status = httpStatusOf(mapped.code);
    if (status >= 500 && mapped.code !== 'CREDENTIALS_KEY_MISSING') {
      this.logger.error({ err, correlationId, method: req.method, path: req.path }, 'Request failed');
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(mapped.headers)) res.setHeader(name, value);
    res.setHeader('x-request-id', correlationId);
    // Details never override the three fields every error has.
    const body: ErrorResponse = { ...mapped.details, code: mapped.code, message: mapped.message, correlationId };
    res.status(status).json(body);
  }
}
