import type { NextFunction, Request, Response } from 'express';
import type { ErrorResponse } from '@mcube/contracts';
import { isCredentialQueryName } from '../common/logging/query-redaction';
import { AuthenticatorService } from '../modules/core/auth/authenticator.service';
import { correlationIdOf } from '../common/request-context/request-context';

/**
 * The OpenAPI UI and JSON are served by Express, outside Nest's guards: this middleware
 * applies the same rules (a valid session or API key, any role, no credential in the URL, no
 * pending password change) so the API surface is not published to anonymous callers.
 */
export function docsAuthMiddleware(authenticator: AuthenticatorService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refuse = (status: number, code: ErrorResponse['code'], message: string) => {
      const body: ErrorResponse = { code, message, correlationId: correlationIdOf(req) };
      res.status(status).json(body);
    };
    if (Object.keys((req.query ?? {}) as object).some(isCredentialQueryName)) return refuse(400, 'VALIDATION_FAILED', 'Credentials are never accepted in the URL');
    authenticator
      .authenticate(req)
      .then((result) => {
        if (result.kind !== 'ok') return refuse(401, 'UNAUTHENTICATED', 'Authentication required');
        if (result.principal.mustChangePassword) return refuse(403, 'PASSWORD_CHANGE_REQUIRED', 'Choose a new password first');
        next();
      })
      .catch(next);
  };
}
