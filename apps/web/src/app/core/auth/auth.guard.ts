import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/**
 * Lets a logged-in user through; otherwise sends them to /login with the wanted URL to return to.
 * A user whose password was set for them goes to /password first: until they choose their own,
 * the API answers nothing else (403 PASSWORD_CHANGE_REQUIRED).
 */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  try {
    if (await auth.restore()) return auth.user()?.mustChangePassword && !state.url.startsWith('/password') ? router.createUrlTree(['/password']) : true;
  } catch {
    // Server unreachable: the login page shows the error when the user tries.
  }
  return router.createUrlTree(['/login'], { queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {} });
};
