import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'fs';
import { join, resolve } from 'path';

/**
 * Serves the built Angular console from `webDist` on the API's own origin (one URL, no CORS),
 * with the SPA fallback: any GET outside /api and /health that asks for HTML gets index.html.
 * The console itself is public; every datum it shows comes from authenticated /api routes.
 */
export function serveConsole(app: NestExpressApplication, webDist: string | undefined): boolean {
  if (!webDist) return false;
  const dir = resolve(webDist);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`MCUBE_WEB_DIST has no index.html: ${dir} (build the console first)`);
  app.useStaticAssets(dir, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const apiPath = req.path === '/health' || req.path === '/api' || req.path.startsWith('/api/');
    if (req.method !== 'GET' || apiPath || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
