import { existsSync, readFileSync, statSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import { chromium } from 'playwright-core';
import { gzipSync } from 'zlib';
import { median, printTable, repoRoot, writeResult } from './bench-harness';

const WEB_DIST = join(repoRoot, 'dist/apps/web/browser');
const TARGET_FIRST_LOAD_MS = 1000;
const RUNS = 7;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon', '.svg': 'image/svg+xml' };

/** Raw and gzip bytes of what index.html loads up front (its scripts and stylesheets). */
function initialBundle(): { files: string[]; rawBytes: number; gzipBytes: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const body = readFileSync(join(WEB_DIST, file));
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { files, rawBytes, gzipBytes };
}

/** A static server for the built console with the SPA fallback, on a free loopback port. */
async function serveConsole(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(WEB_DIST, path);
    if (!file.startsWith(WEB_DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(WEB_DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Console first load in headless Debian Chromium on localhost: a cold browser context per run,
 * from navigation to the login form rendered (the first screen of a signed-out user; the API
 * calls it makes are answered by the static server's fallback, so this measures the console's
 * own load and boot). Also prints the initial bundle size.
 */
export async function runConsoleLoadBenchmark(): Promise<boolean> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.log(`skipped: no built console at ${WEB_DIST} (run: npx nx build web)`);
    return true;
  }
  const bundle = initialBundle();
  const { server, url } = await serveConsole();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const loadsMs: number[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = process.hrtime.bigint();
      await page.goto(`${url}/login`);
      await page.waitForSelector('form input', { state: 'visible' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run > 0) loadsMs.push(ms); // run 0 warms the browser process itself
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = median(loadsMs);
  const ok = med <= TARGET_FIRST_LOAD_MS;
  printTable([
    ['console', 'median', 'runs', 'goal', 'met'],
    ['first load to login form', `${med.toFixed(0)} ms`, String(loadsMs.length), '≤ 1000 ms', ok ? 'yes' : 'NO'],
    ['initial bundle (raw / gzip)', `${(bundle.rawBytes / 1024).toFixed(0)} / ${(bundle.gzipBytes / 1024).toFixed(0)} kB`, String(bundle.files.length) + ' files', '', ''],
  ]);
  writeResult('console-load', { medianMs: med, runsMs: loadsMs, goalMs: TARGET_FIRST_LOAD_MS, met: ok, bundle });
  return ok;
}
