import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Page } from 'playwright-core';
import { median, printTable, repoRoot, writeResult } from './bench-harness';

const WEB_DIST = join(repoRoot, 'dist/apps/web/browser');
const API_MAIN = join(repoRoot, 'dist/apps/api/apps/api/src/main.js');
const API_INIT = join(repoRoot, 'dist/apps/api/apps/api/src/cli/init.js');
const TARGET_FIRST_LOAD_MS = 1000;
const RUNS = 5;
const ADMIN_PASSWORD = 'bench-admin-password-1';
/** The bench's own port (MCUBE_BENCH_PORT to move it). */
const PORT = Number(process.env.MCUBE_BENCH_PORT ?? 4470);

/** One cold visit: time to the login form, time from "log in" to the dashboard's account cards, and the bytes on the wire. */
interface Visit {
  firstLoadMs: number;
  loginToDashboardMs: number;
  /** Bytes the browser received for the first load (compressed bodies and headers, as Chromium's network layer counts them). */
  firstLoadWireBytes: number;
  /** What those responses would weigh uncompressed (decoded bodies). */
  firstLoadDecodedBytes: number;
  /** Bytes on the wire for a reload in the same (warm) context: hashed assets come from the cache. */
  reloadWireBytes: number;
}

/** Counts the bytes Chromium received per response (CDP `Network.loadingFinished.encodedDataLength`). */
async function wireCounter(page: Page): Promise<{ reset: () => void; bytes: () => { wire: number; decoded: number } }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let wire = 0;
  let decoded = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (wire += e.encodedDataLength));
  cdp.on('Network.dataReceived', (e: { dataLength: number }) => (decoded += e.dataLength));
  return { reset: () => ((wire = 0), (decoded = 0)), bytes: () => ({ wire, decoded }) };
}

/** Boots the built API (serving the built console, compressed) on a fresh SQLite file; returns how to stop it. */
async function startApi(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'mcube-bench-'));
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    SQLITE_PATH: join(dir, 'mcube.sqlite'),
    MCUBE_DATA_DIR: dir,
    MCUBE_WEB_DIST: WEB_DIST,
    MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    MCUBE_CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'warn',
  };
  const init = spawnSync(process.execPath, [API_INIT], { cwd: repoRoot, env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], { cwd: repoRoot, env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited (${child.exitCode})`);
    if (await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error('API did not become healthy');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The console as a user gets it, from the built API (one origin, compressed, cached as served)
 * in headless Debian Chromium on loopback: per run a cold browser context loads /login (to the
 * form), logs in (to the dashboard's account cards), then reloads warm. Bytes are what the
 * browser received on the wire. Needs `npx nx build api web` (npm run bench builds both).
 */
export async function runConsoleLoadBenchmark(): Promise<boolean> {
  if (!existsSync(join(WEB_DIST, 'index.html')) || !existsSync(API_MAIN)) {
    console.log(`skipped: build the API and the console first (npx nx run-many -t build -p api web)`);
    return true;
  }
  const api = await startApi();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const visits: Visit[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const counter = await wireCounter(page);
      const start = process.hrtime.bigint();
      await page.goto(`${api.url}/login`);
      await page.waitForSelector('form input', { state: 'visible' });
      const firstLoadMs = Number(process.hrtime.bigint() - start) / 1e6;
      await page.waitForLoadState('networkidle');
      const first = counter.bytes();
      await page.fill('#username', 'admin');
      await page.fill('#password', ADMIN_PASSWORD);
      const loginStart = process.hrtime.bigint();
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid^=account-card-]', { state: 'visible' });
      const loginToDashboardMs = Number(process.hrtime.bigint() - loginStart) / 1e6;
      await page.waitForLoadState('networkidle');
      counter.reset();
      await page.reload();
      await page.waitForSelector('[data-testid^=account-card-]', { state: 'visible' });
      await page.waitForLoadState('networkidle');
      const reload = counter.bytes();
      // run 0 warms the browser process and the API.
      if (run > 0) visits.push({ firstLoadMs, loginToDashboardMs, firstLoadWireBytes: first.wire, firstLoadDecodedBytes: first.decoded, reloadWireBytes: reload.wire });
      await context.close();
    }
  } finally {
    await browser.close();
    await api.stop();
  }
  const med = (pick: (v: Visit) => number) => median(visits.map(pick));
  const firstLoad = med((v) => v.firstLoadMs);
  const ok = firstLoad <= TARGET_FIRST_LOAD_MS;
  const kb = (b: number) => `${(b / 1024).toFixed(0)} kB`;
  printTable([
    ['console (built API, loopback)', 'median', 'runs', 'goal', 'met'],
    ['cold first load to login form', `${firstLoad.toFixed(0)} ms`, String(visits.length), '≤ 1000 ms', ok ? 'yes' : 'NO'],
    ['log in to dashboard cards', `${med((v) => v.loginToDashboardMs).toFixed(0)} ms`, String(visits.length), '', ''],
    ['first load on the wire (decoded)', `${kb(med((v) => v.firstLoadWireBytes))} (${kb(med((v) => v.firstLoadDecodedBytes))})`, String(visits.length), '', ''],
    ['warm reload on the wire', kb(med((v) => v.reloadWireBytes)), String(visits.length), '', ''],
  ]);
  writeResult('console-load', {
    medianMs: firstLoad,
    loginToDashboardMedianMs: med((v) => v.loginToDashboardMs),
    firstLoadWireBytesMedian: med((v) => v.firstLoadWireBytes),
    firstLoadDecodedBytesMedian: med((v) => v.firstLoadDecodedBytes),
    reloadWireBytesMedian: med((v) => v.reloadWireBytes),
    visits,
    goalMs: TARGET_FIRST_LOAD_MS,
    met: ok,
  });
  return ok;
}
