/**
 * Benchmark runner: `bash tools/bench/run-all.sh [name ...]` (what `npm run bench` calls).
 * Each benchmark prints a table and writes bench-results/<name>.json. Add new benchmarks to
 * BENCHMARKS; a benchmark returns false when it misses a target, and the runner then exits 1.
 */
import { runApiLoadBenchmark } from './api-load.bench';
import { runBacktestBenchmark } from './backtest.bench';
import { runConsoleLoadBenchmark } from './console-load.bench';
import { runMarketSimBenchmark } from './market-sim.bench';
import { runOrderGatewayBenchmark } from './order-gateway.bench';
import { runPricingBenchmark } from './pricing.bench';
import { runRiskChecksBenchmark } from './risk-checks.bench';

interface Benchmark {
  name: string;
  run: () => boolean | Promise<boolean>;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'pricing', run: runPricingBenchmark },
  { name: 'risk-checks', run: runRiskChecksBenchmark },
  { name: 'market-sim', run: runMarketSimBenchmark },
  { name: 'order-gateway', run: runOrderGatewayBenchmark },
  { name: 'api', run: runApiLoadBenchmark },
  { name: 'console-load', run: runConsoleLoadBenchmark },
  { name: 'backtest', run: runBacktestBenchmark },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  let ok = true;
  for (const bench of BENCHMARKS) {
    if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
    console.log(`\n=== ${bench.name} ===`);
    ok = (await bench.run()) && ok;
  }
  // Missing a target is reported, not fatal, unless asked: shared machines are noisy.
  if (!ok && process.argv.includes('--strict')) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
