import type { ExitAllAccountProgress, OrderUpdatedEvent, PositionUpdatedEvent, RiskStateEvent } from '@mcube/contracts';

/** The progress after a `position.updated`: each leg's open quantity from the event (matched by trading symbol). */
export function withPositionEvent(accounts: readonly ExitAllAccountProgress[], e: PositionUpdatedEvent): ExitAllAccountProgress[] {
  return accounts.map((a) => ({
    ...a,
    positions: a.positions.map((p) =>
      p.positionId !== e.positionId
        ? p
        : { ...p, legs: p.legs.map((l) => ({ ...l, openQuantity: e.status === 'CLOSED' ? 0 : (e.legs.find((x) => x.tradingSymbol === l.tradingSymbol)?.quantity ?? l.openQuantity) })) },
    ),
  }));
}

/** The progress after an `order.updated`: an exit order's status, and a new exit order (the chaser's re-send) added to its leg. */
export function withOrderEvent(accounts: readonly ExitAllAccountProgress[], e: OrderUpdatedEvent): ExitAllAccountProgress[] {
  if (e.purpose !== 'EXIT' || e.positionId === null) return [...accounts];
  return accounts.map((a) => ({
    ...a,
    positions: a.positions.map((p) =>
      p.positionId !== e.positionId
        ? p
        : {
            ...p,
            legs: p.legs.map((l) => {
              if (l.tradingSymbol !== e.tradingSymbol) return l;
              const known = l.exitOrders.some((o) => o.id === e.orderId);
              return { ...l, exitOrders: known ? l.exitOrders.map((o) => (o.id === e.orderId ? { ...o, status: e.status } : o)) : [...l.exitOrders, { id: e.orderId, status: e.status }] };
            }),
          },
    ),
  }));
}

/** The progress after a `risk.state`: the account's state, halted once HALTED and flat. */
export function withRiskEvent(accounts: readonly ExitAllAccountProgress[], e: RiskStateEvent): ExitAllAccountProgress[] {
  return accounts.map((a) => (a.accountId !== e.accountId ? a : { ...a, tradingState: e.tradingState, halted: e.killSwitch.state === 'HALTED' && isFlat(a) }));
}

/** Every leg of the account's positions is flat. */
export function isFlat(a: ExitAllAccountProgress): boolean {
  return a.positions.every((p) => p.legs.every((l) => l.openQuantity === 0));
}
