import { ChildProcess, spawn, spawnSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { connect, createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const root = resolve(__dirname, '../..');
const distMain = join(root, 'dist/apps/api/apps/api/src/main.js');
const distInit = join(root, 'dist/apps/api/apps/api/src/cli/init.js');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** The built API (as README command 1 runs it) on a fresh data folder. */
export interface RunningApi {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  output: () => string;
  stop: () => Promise<void>;
}

/** Runs the built `init` command with `env`; returns its stdout (throws on failure). */
export function runInit(env: NodeJS.ProcessEnv): string {
  const run = spawnSync(process.execPath, [distInit], { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`init failed (${run.status}): ${run.stderr}\n${run.stdout}`);
  return run.stdout;
}

/** Environment of a fresh paper-mode deployment on SQLite in a temp folder. */
export async function freshEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'mcube-e2e-'));
  const port = await freePort();
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    SQLITE_PATH: join(dir, 'mcube.sqlite'),
    MCUBE_DATA_DIR: dir,
    MCUBE_WEB_DIST: join(root, 'dist/apps/web/browser'),
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** True when something already listens on 127.0.0.1:`port`. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * Starts the built API with `env` and waits until /health answers. Refuses a port something
 * already listens on: the /health of another process (another run's API) would answer instead.
 */
export async function startApi(env: NodeJS.ProcessEnv): Promise<RunningApi> {
  if (await portTaken(Number(env.PORT))) throw new Error(`port ${env.PORT} is already in use: not starting the API there (another process would answer)`);
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [distMain], { cwd: root, env });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API did not become healthy:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    env,
    output: () => out,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
