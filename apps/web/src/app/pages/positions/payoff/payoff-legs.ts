import type { PositionDetailResponse } from '@mcube/contracts';
import type { PayoffLeg } from './payoff';

/** The open legs of a position as payoff legs (paise → rupees per unit). */
export function payoffLegsOf(position: Pick<PositionDetailResponse, 'legs'>): PayoffLeg[] {
  return position.legs
    .filter((l) => l.status === 'OPEN' && l.quantity > 0)
    .map((l) => ({
      optionType: l.optionType,
      strike: l.strike,
      side: l.side,
      quantity: l.quantity,
      entryPrice: l.avgPricePaise / 100,
      iv: l.greeks?.iv ?? null,
    }));
}
