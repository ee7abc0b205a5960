import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Lets a logged-in user through; otherwise sends them to /login with the wanted URL to return to. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  try {
    if (await auth.restore()) return true;
  } catch {
    // Server unreachable: the login page shows the error when the user tries.
  }
  return router.createUrlTree(['/login'], { queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {} });
};
