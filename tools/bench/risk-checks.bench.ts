import { runRiskChecks } from '@mcube/domain';
import {
  buildExitOrder,
  buildIciciOrder,
  buildIciciRiskContext,
  buildRiskCheckedOrder,
  buildRiskContext,
} from '@mcube/domain/testing';
import { median, printTable, writeResult } from './bench-harness';

const TARGET_P99_NS = 50_000;

/**
 * Pre-trade risk checks for one intent (all 23 checks, the calendar and the entry shape included):
 * the per-intent time of batches of 50, over 2,000 batches; prints median and p99 against the goal p99 ≤ 50 µs.
 */
export function runRiskChecksBenchmark(): boolean {
  const intents = [buildRiskCheckedOrder(), buildIciciOrder(), buildExitOrder()];
  const ctxs = [buildRiskContext(), buildIciciRiskContext(), buildRiskContext({ pnl: { todayPaise: -30_000_000 } })];
  let denials = 0;
  for (let i = 0; i < 50_000; i++) denials += runRiskChecks(intents[i % 3], ctxs[i % 3]).denials.length;
  const perIntentNs: number[] = [];
  for (let b = 0; b < 2_000; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) denials += runRiskChecks(intents[i % 3], ctxs[i % 3]).denials.length;
    perIntentNs.push(Number(process.hrtime.bigint() - start) / 50);
  }
  if (Number.isNaN(denials)) throw new Error('unreachable');
  const sorted = [...perIntentNs].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)];
  const med = median(perIntentNs);
  const ok = p99 <= TARGET_P99_NS;
  printTable([
    ['risk checks (23) per intent', 'median', 'p99', 'goal', 'met'],
    ['runRiskChecks', `${(med / 1000).toFixed(2)} µs`, `${(p99 / 1000).toFixed(2)} µs`, 'p99 ≤ 50 µs', ok ? 'yes' : 'NO'],
  ]);
  writeResult('risk-checks', { medianNs: med, p99Ns: p99, goalP99Ns: TARGET_P99_NS, met: ok });
  return ok;
}
