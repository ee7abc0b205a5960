import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'fs';
import { basename, join, resolve } from 'path';

/** A file the build names by its content hash (`main-ABCD1234.js`, `chunk-…`, `styles-…`): it never changes under its name. */
export const HASHED_ASSET = /-[A-Z0-9]{8,}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpg|webp)$/;

/** Paths the API answers (never a console file). */
function isApiPath(path: string): boolean {
  return path === '/health' || path === '/api' || path.startsWith('/api/');
}

/** Cache-Control of a console file: a year and immutable for hashed assets; revalidated otherwise. */
export function cacheControlOf(path: string): string {
  return HASHED_ASSET.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built Angular console from `webDist` on the API's own origin (one URL, no CORS),
 * with the SPA fallback: any GET outside /api and /health that asks for HTML gets index.html.
 * Everything goes out compressed (brotli, else gzip or deflate, as the browser accepts); hashed assets
 * are cached for a year as immutable, index.html and unhashed files are revalidated on every
 * load (`no-cache`), so a new build is picked up at once. The console itself is public; every
 * datum it shows comes from authenticated /api routes.
 */
export function serveConsole(app: NestExpressApplication, webDist: string | undefined): boolean {
  if (!webDist) return false;
  const dir = resolve(webDist);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`MCUBE_WEB_DIST has no index.html: ${dir} (build the console first)`);
  app.use(compression());
  const files = serveStatic(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res: Response, path: string) => res.setHeader('cache-control', cacheControlOf(path)),
  });
  // Registered before Nest mounts its routes, so it sees every request: API paths skip the file
  // lookup (a stat per /api request was 3-14% of the API's CPU, issue 21).
  app.use((req: Request, res: Response, next: NextFunction) => (isApiPath(req.path) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApiPath(req.path) || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index, { cacheControl: false });
  });
  return true;
}
