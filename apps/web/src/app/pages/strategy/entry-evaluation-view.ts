import type { EntryEvaluationResponse } from '@mcube/contracts';

/** Bootstrap colour of a decision: enter green, skip red, monitor amber. */
export function decisionTone(decision: EntryEvaluationResponse['decision']): string {
  return decision === 'ENTER' ? 'text-bg-success' : decision === 'SKIP' ? 'text-bg-danger' : 'text-bg-warning';
}

/** A measured number as the trader reads it: levels to 2 decimals, small ratios and percents to 4. */
function readable(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toFixed(Math.abs(v) >= 100 ? 2 : 4)));
}

/** A filter's measured values as `key = value` pairs, in the order the API sent them. */
export function filterValues(values: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(values ?? {}).map(([key, v]) => ({
    key,
    value: v === null || v === undefined ? '—' : typeof v === 'number' ? readable(v) : typeof v === 'object' ? JSON.stringify(v) : String(v),
  }));
}

/** Both legs' premium in points, null unless both are known (rounded to the paisa). */
export function combinedPremium(e: Pick<EntryEvaluationResponse, 'callPremium' | 'putPremium'>): number | null {
  return e.callPremium === null || e.putPremium === null ? null : Math.round((e.callPremium + e.putPremium) * 100) / 100;
}
