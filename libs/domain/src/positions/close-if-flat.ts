import type { PositionState } from './position.types';

/** Inputs of {@link closePositionIfFlat}. */
export interface CloseIfFlatInput {
  /** True while an order of the position may still trade (submitted, working, partly filled, not yet sent). */
  readonly hasLiveOrders: boolean;
  readonly atMs: number;
  /** Why it closed (EXITED, a strategy code…); an entry that never filled closes as ENTRY_NOT_FILLED. */
  readonly reason: string;
}

/**
 * Closes an ACTIVE position that holds nothing and can get nothing more: every leg flat and no
 * live order (an entry denied, rejected or canceled unfilled; or every leg exited). Its
 * realised P&L is re-summed NET (legs' gross − every fill's charges) and its unrealised P&L
 * becomes 0. The API's `closePositionIfFlat`, pure. Returns the position unchanged (closed
 * false) otherwise.
 */
export function closePositionIfFlat(position: PositionState, input: CloseIfFlatInput): { position: PositionState; closed: boolean } {
  if (position.status !== 'ACTIVE' || position.legs.some((l) => l.quantity > 0) || input.hasLiveOrders) return { position, closed: false };
  const gross = position.legs.reduce((s, l) => s + l.realizedPnlPaise, 0);
  return {
    closed: true,
    position: {
      ...position,
      status: 'CLOSED',
      closedAtMs: input.atMs,
      exitReason: position.legs.length === 0 ? 'ENTRY_NOT_FILLED' : input.reason,
      realizedPnlPaise: gross - position.chargesPaise,
      unrealizedPnlPaise: 0,
    },
  };
}
