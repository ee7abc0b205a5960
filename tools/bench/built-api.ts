import { ChildProcess, spawn, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { repoRoot } from './bench-harness';

export const API_MAIN = join(repoRoot, 'dist/apps/api/apps/api/src/main.js');
const API_INIT = join(repoRoot, 'dist/apps/api/apps/api/src/cli/init.js');

/** A running built API on a fresh SQLite file. */
export interface BuiltApi {
  url: string;
  pid: number;
  /** The API's Prometheus listener (loopback). */
  metricsUrl: string;
  /** What the API printed on stdout and stderr so far (bench-only lines are read from it). */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Boots the built API as README command 1 does (init, then main.js) on a fresh SQLite file in
 * a temporary folder, paper mode, with `env` on top of the bench defaults (`nodeArgs`, e.g.
 * `--cpu-prof`, for a profile); resolves once
 * /health answers.
 */
export async function startBuiltApi(opts: { port: number; adminPassword: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BuiltApi> {
  const dir = mkdtempSync(join(tmpdir(), 'mcube-bench-'));
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(opts.port),
    METRICS_PORT: String(opts.port + 1),
    SQLITE_PATH: join(dir, 'mcube.sqlite'),
    MCUBE_DATA_DIR: dir,
    MCUBE_ADMIN_PASSWORD: opts.adminPassword,
    MCUBE_CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const init = spawnSync(process.execPath, [join(API_INIT)], { cwd: repoRoot, env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const logFile = join(dir, 'api.log');
  const child: ChildProcess = spawn('/bin/sh', ['-c', `exec "${process.execPath}" ${(opts.nodeArgs ?? []).join(' ')} "${API_MAIN}" >"${logFile}" 2>&1`], { cwd: repoRoot, env, stdio: 'ignore' });
  const output = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited (${child.exitCode}): ${output().slice(-2000)}`);
    if (await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error('API did not become healthy');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid ?? -1,
    metricsUrl: `http://127.0.0.1:${opts.port + 1}/metrics`,
    output,
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
