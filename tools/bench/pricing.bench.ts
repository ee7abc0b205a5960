/**
 * Pricing benchmark: Black-Scholes greeks, implied volatility and a 600-option chain
 * (300 strikes × CE/PE, IV + greeks) in TypeScript on Node, against the same formulas in C
 * (tools/bench/c/pricing.c, compiled here with `cc -O2` into a temporary folder).
 *
 * Figures are medians over RUNS runs of the mean time per operation in a run. The TS side
 * goes through the public, validating functions; the C side has no input checks.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { blackScholes, BlackScholesInput, ChainQuote, impliedVolatility, ImpliedVolatilityInput, priceChain, seededRandom } from '@mcube/domain';
import { printTable, repoRoot, timeMedian, writeResult } from './bench-harness';

const RUNS = 7;
const OPTIONS = 100_000;
const CHAIN_REPEATS = 200;
const TARGETS = { ivNs: 1000, ivRatioToC: 3, chainMs: 0.5 };

interface Inputs {
  /** Model inputs; `prices[i]` is the model premium of `options[i]`. */
  options: BlackScholesInput[];
  prices: number[];
  chain: { spot: number; years: number; rate: number; options: ChainQuote[] };
}

/** NIFTY-like options (spot 5k–30k, strikes ±30 %, 1 day–1 year, vol 5–150 %, rate 0–10 %) quoted at ≥ one tick. */
function makeInputs(): Inputs {
  const random = seededRandom(20260821);
  const options: BlackScholesInput[] = [];
  const prices: number[] = [];
  while (options.length < OPTIONS) {
    const spot = 5000 + random() * 25000;
    const o = {
      spot,
      strike: Math.round((spot * (0.7 + 0.6 * random())) / 50) * 50,
      years: (1 + random() * 364) / 365,
      rate: random() * 0.1,
      vol: 0.05 + random() * 1.45,
      dividendYield: 0,
      type: (random() < 0.5 ? 'CE' : 'PE') as 'CE' | 'PE',
    };
    const price = blackScholes(o).price;
    if (price < 0.05) continue;
    options.push(o);
    prices.push(price);
  }
  // A monthly NIFTY chain with a smile: 300 strikes 50 apart around the spot.
  const spot = 22150;
  const years = 25 / 365;
  const rate = 0.065;
  const quotes: ChainQuote[] = [];
  for (let k = 0; k < 300; k++) {
    const strike = 14700 + 50 * k;
    const vol = 0.12 + 0.4 * Math.log(strike / spot) ** 2;
    for (const type of ['CE', 'PE'] as const) quotes.push({ strike, type, price: blackScholes({ spot, strike, years, rate, vol, type }).price });
  }
  return { options, prices, chain: { spot, years, rate, options: quotes } };
}

function writeInputs(file: string, inputs: Inputs): void {
  const { options, chain } = inputs;
  const data = new Float64Array(3 + 8 * options.length + 3 + 3 * chain.options.length);
  let i = 0;
  data.set([options.length, chain.options.length, CHAIN_REPEATS], i);
  i += 3;
  for (const [k, o] of options.entries()) {
    data.set([inputs.prices[k], o.spot, o.strike, o.years, o.rate, o.vol, o.dividendYield ?? 0, o.type === 'CE' ? 1 : 0], i);
    i += 8;
  }
  data.set([chain.spot, chain.years, chain.rate], i);
  i += 3;
  for (const q of chain.options) {
    data.set([q.strike, q.type === 'CE' ? 1 : 0, q.price], i);
    i += 3;
  }
  writeFileSync(file, Buffer.from(data.buffer));
}

interface CResult {
  blackScholesNs: number;
  impliedVolatilityNs: number;
  chainNs: number;
  maxIvError: number;
}

function runC(inputs: Inputs): CResult | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mcube-bench-'));
  try {
    const binary = join(dir, 'pricing');
    const source = resolve(repoRoot, 'tools/bench/c/pricing.c');
    execFileSync('cc', ['-O2', '-o', binary, source, '-lm'], { stdio: 'pipe' });
    const inputFile = join(dir, 'inputs.bin');
    writeInputs(inputFile, inputs);
    return JSON.parse(execFileSync(binary, [inputFile, String(RUNS)], { encoding: 'utf8' })) as CResult;
  } catch (error) {
    return { error: `C benchmark unavailable: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the pricing benchmark, prints a table, writes bench-results/pricing.json; false if a target is missed. */
export function runPricingBenchmark(): boolean {
  const inputs = makeInputs();
  // Plain literals of one shape, as a caller would build them (spread copies can end up as
  // slow dictionary-mode objects in V8 and would measure the copy, not the pricing).
  const ivInputs: ImpliedVolatilityInput[] = inputs.options.map((o, i) => ({
    price: inputs.prices[i],
    spot: o.spot,
    strike: o.strike,
    years: o.years,
    rate: o.rate,
    type: o.type,
    dividendYield: o.dividendYield,
  }));
  let maxIvError = 0;
  // Accuracy where the premium determines the vol (vega per 1.00 of vol ≥ 1e-6·spot, as in the tests).
  ivInputs.forEach((input, i) => {
    const o = inputs.options[i];
    if (blackScholes(o).vega * 100 >= 1e-6 * o.spot) maxIvError = Math.max(maxIvError, Math.abs(impliedVolatility(input) - o.vol));
  });

  const bs = timeMedian({ runs: RUNS, operations: OPTIONS, body: () => inputs.options.reduce((acc, o) => acc + blackScholes(o).price, 0) });
  const iv = timeMedian({ runs: RUNS, operations: OPTIONS, body: () => ivInputs.reduce((acc, o) => acc + impliedVolatility(o), 0) });
  const chain = timeMedian({
    runs: RUNS,
    operations: CHAIN_REPEATS,
    body: () => {
      let acc = 0;
      for (let k = 0; k < CHAIN_REPEATS; k++) acc += priceChain(inputs.chain).length;
      return acc;
    },
  });
  const c = runC(inputs);
  const cOk = !('error' in c);
  const ratio = (node: number, native: number | undefined) => (native ? node / native : NaN);
  const ivRatio = cOk ? ratio(iv.medianNs, c.impliedVolatilityNs) : NaN;
  const chainMs = chain.medianNs / 1e6;
  const pass = { ivNs: iv.medianNs <= TARGETS.ivNs, ivRatioToC: cOk && ivRatio <= TARGETS.ivRatioToC, chainMs: chainMs <= TARGETS.chainMs };

  const fmt = (v: number | undefined, digits = 0) => (v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(digits));
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  printTable([
    ['benchmark', 'node', 'C -O2', 'node/C', 'target', ''],
    ['blackScholes (ns/option)', fmt(bs.medianNs), fmt(cOk ? c.blackScholesNs : undefined), fmt(ratio(bs.medianNs, cOk ? c.blackScholesNs : undefined), 2), '', ''],
    ['impliedVolatility (ns/solve)', fmt(iv.medianNs), fmt(cOk ? c.impliedVolatilityNs : undefined), fmt(ivRatio, 2), `≤ ${TARGETS.ivNs} ns, ≤ ${TARGETS.ivRatioToC}× C`, `${verdict(pass.ivNs)} / ${verdict(pass.ivRatioToC)}`],
    ['chain 600 IV+greeks (ms/chain)', fmt(chainMs, 3), fmt(cOk ? c.chainNs / 1e6 : undefined, 3), fmt(ratio(chain.medianNs, cOk ? c.chainNs : undefined), 2), `≤ ${TARGETS.chainMs} ms`, verdict(pass.chainMs)],
  ]);
  console.log(`max |IV − vol| (options with non-vanishing vega): node ${maxIvError.toExponential(2)}${cOk ? `, C ${c.maxIvError.toExponential(2)}` : ''}`);
  if (!cOk) console.log(c.error);
  const file = writeResult('pricing', {
    recordedAt: new Date().toISOString(),
    node: process.version,
    runs: RUNS,
    options: OPTIONS,
    chainRepeats: CHAIN_REPEATS,
    results: {
      node: { blackScholesNs: bs.medianNs, impliedVolatilityNs: iv.medianNs, chainMs, maxIvError, runs: { blackScholesNs: bs.runsNs, impliedVolatilityNs: iv.runsNs, chainNs: chain.runsNs } },
      c: cOk ? { ...c, chainMs: c.chainNs / 1e6 } : c,
      ratios: cOk ? { blackScholes: ratio(bs.medianNs, c.blackScholesNs), impliedVolatility: ivRatio, chain: ratio(chain.medianNs, c.chainNs) } : null,
    },
    targets: TARGETS,
    pass,
  });
  console.log(`written ${file}`);
  return pass.ivNs && pass.ivRatioToC && pass.chainMs;
}

if (require.main === module) runPricingBenchmark();
