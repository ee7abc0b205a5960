import { spawnSync } from 'child_process';
import { repoRoot } from './bench-harness';

/**
 * Intent → paper acknowledgement through the API's order gateway, with the journal fsync
 * (goal p99 ≤ 10 ms). The benchmark lives in the API project (`apps/api/bench/`), which this
 * project may not import: it runs as a child process with the API's tsconfig and prints its
 * own table and bench-results/order-gateway.json. Returns false when the goal is missed.
 */
export function runOrderGatewayBenchmark(): boolean {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/bench/order-gateway.bench.ts'], {
    cwd: repoRoot,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json' },
    stdio: 'inherit',
  });
  if (result.status === 2 || result.error) throw new Error(`order-gateway benchmark failed to run: ${String(result.error ?? result.status)}`);
  return result.status === 0;
}
