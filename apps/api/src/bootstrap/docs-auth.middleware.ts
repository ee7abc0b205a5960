import type { NextFunction, Request, Response } from 'express';
import type { ErrorResponse } from '@mcube/contracts';
import { AuthenticatorService } from '../modules/core/auth/authenticator.service';
import { correlationIdOf } from '../common/request-context/request-context';

/**
 * The OpenAPI UI and JSON are served by Express, outside Nest's guards: this middleware
 * applies the same rule (a valid session or API key, any role) so the API surface is not
 * published to anonymous callers.
 */
export function docsAuthMiddleware(authenticator: AuthenticatorService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticator
      .authenticate(req)
      .then((result) => {
        if (result.kind === 'ok') return next();
        const body: ErrorResponse = { code: 'UNAUTHENTICATED', message: 'Authentication required', correlationId: correlationIdOf(req) };
        res.status(401).json(body);
      })
      .catch(next);
  };
}
