import type { AccountSummaryResponse } from '@mcube/contracts';

/** An open leg as the status bar judges it (from a position's detail or its `position.updated`). */
export interface StatusLeg {
  optionType: 'CE' | 'PE' | null;
  side: 'BUY' | 'SELL';
  quantity: number;
}

/**
 * Why a position's open option legs are out of shape, or null: a short leg whose other side is
 * flat is NAKED (a strangle lost a leg); short calls and short puts of different sizes are
 * UNBALANCED. A futures-only position is judged by nothing here (directional by design).
 */
export function legImbalance(legs: readonly StatusLeg[]): string | null {
  const open = legs.filter((l) => l.quantity > 0 && l.optionType !== null);
  if (open.length === 0) return null;
  const sum = (type: 'CE' | 'PE', side: 'BUY' | 'SELL') => open.filter((l) => l.optionType === type && l.side === side).reduce((s, l) => s + l.quantity, 0);
  const [shortCe, shortPe] = [sum('CE', 'SELL'), sum('PE', 'SELL')];
  if (shortCe > 0 && shortPe === 0) return `naked short call: ${shortCe} CE open, no put`;
  if (shortPe > 0 && shortCe === 0) return `naked short put: ${shortPe} PE open, no call`;
  if (shortCe !== shortPe) return `unbalanced: ${shortCe} short CE vs ${shortPe} short PE`;
  return null;
}

/** Why an account is not trading normally (HALTED, REDUCING, breaker, reconciliation, inactive), or null. */
export function accountAlarm(a: Pick<AccountSummaryResponse, 'tradingState' | 'tradingStateCauses' | 'breaker' | 'isActive'>): string | null {
  const parts: string[] = [];
  if (a.tradingState !== 'ACTIVE') parts.push(a.tradingState);
  if (a.breaker.tripped) parts.push('circuit breaker tripped');
  if (a.tradingStateCauses.includes('UNRECONCILED')) parts.push('not reconciled');
  if (a.tradingStateCauses.includes('RECONCILIATION_MISMATCH')) parts.push('reconciliation mismatch');
  if (!a.isActive && !a.breaker.tripped) parts.push('inactive');
  return parts.length === 0 ? null : parts.join(', ');
}
