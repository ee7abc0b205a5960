import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { toApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { Notifier } from '../notify/notifier.service';
import { returnUrlAfter401 } from './return-url';

/** Calls whose 401 is an answer, not an expired session (the login form and the guard's probe). */
const AUTH_PROBES = ['/api/auth/login', '/api/auth/me'];
/**
 * Every API failure becomes an ApiError. A 401 elsewhere means the session ended: forget it and
 * go to /login. Failures a page cannot explain next to a field (unreachable server, 5xx,
 * forbidden, rate limit) are also shown as a toast; validation errors are left to the page.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const notifier = inject(Notifier);
  return next(req).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse)) return throwError(() => err);
      const apiError = toApiError(err);
      const probe = AUTH_PROBES.some((p) => req.url.startsWith(p));
      // INVALID_CREDENTIALS (a wrong current password) is also a 401 but the session is fine.
      if (err.status === 401 && !probe && apiError.code !== 'INVALID_CREDENTIALS') {
        auth.clear();
        notifier.warn('Your session has ended: please log in again.');
        void router.navigate(['/login'], { queryParams: returnUrlAfter401(router.url) });
      } else if (!probe && (err.status === 0 || err.status >= 500 || err.status === 403 || err.status === 429)) {
        notifier.error(apiError.message + (apiError.correlationId ? ` (ref ${apiError.correlationId})` : ''));
      }
      return throwError(() => apiError);
    }),
  );
};
