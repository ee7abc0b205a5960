import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { sharedDataDir } from './shared-data';

/** A real Chroma server started for a test. */
export interface ChromaTestServer {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL (the server ignores SIGTERM) and remove its data folder. */
  stop(): Promise<void>;
}

/** A port the OS says is free now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts `../shared/tools/chroma-server.sh PORT DIR` (MCUBE_CHROMA_SERVER overrides the script)
 * on a free port (MCUBE_CHROMA_PORT pins it, for a machine where each session has its own range) with a temporary data folder, from the repository root (where `chromadb` is
 * installed), and waits until GET /api/v2/heartbeat answers. The first run may download Debian
 * libc packages into a cache (see the script's header), hence the long default wait.
 */
export async function startChromaServer(waitMs = 240_000): Promise<ChromaTestServer> {
  const script = process.env.MCUBE_CHROMA_SERVER ?? resolve(sharedDataDir, '..', 'tools', 'chroma-server.sh');
  const port = Number(process.env.MCUBE_CHROMA_PORT) || (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'mcube-chroma-'));
  const child: ChildProcess = spawn('bash', [script, String(port), join(dir, 'data')], { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((ok) => child.once('exit', ok));
      process.kill(child.pid, 'SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const up = await fetch(`${url}/api/v2/heartbeat`).then((r) => r.ok, () => false);
    if (up) return { url, pid: child.pid as number, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Chroma did not start on ${url} (exit ${child.exitCode}): ${stderr}`);
}
