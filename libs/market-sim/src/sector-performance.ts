import { BrokerError } from '@mcube/domain';

/** Percent changes of a close series over 1, 3, 7 and 21 trading days (plan §6 periods). */
export interface PeriodChanges {
  readonly changePct: number;
  readonly perf3dPct: number;
  readonly perf7dPct: number;
  readonly perf21dPct: number;
}

/**
 * The 1/3/7/21-day percent changes ending at the last of `closes` (oldest first). Throws a
 * BrokerError REJECTED when fewer than 22 closes exist (no made-up history).
 */
export function periodChanges(closes: readonly number[], what: string): PeriodChanges {
  if (closes.length < 22) throw new BrokerError('REJECTED', `${what}: 22 daily closes are needed for 21-day performance, have ${closes.length}`);
  const last = closes[closes.length - 1];
  const pct = (days: number) => (last / closes[closes.length - 1 - days] - 1) * 100;
  return { changePct: pct(1), perf3dPct: pct(3), perf7dPct: pct(7), perf21dPct: pct(21) };
}
