/** Pages not worth returning to after a new login (a changed password ends the session on purpose). */
const NO_RETURN = ['/login', '/password'];

/** Where to come back after logging in again, if anywhere. */
export function returnUrlAfter401(currentUrl: string): { returnUrl?: string } {
  const path = currentUrl.split('?')[0];
  return path === '/' || NO_RETURN.includes(path) ? {} : { returnUrl: currentUrl };
}
