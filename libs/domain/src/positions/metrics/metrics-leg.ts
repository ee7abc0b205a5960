/** Per-unit greeks of an option leg at its last mark (theta per calendar day, vega per vol point, rupees). */
export interface MetricsLegGreeks {
  readonly iv: number | null;
  readonly delta: number | null;
  readonly gamma: number | null;
  readonly theta: number | null;
  readonly vega: number | null;
}

/** One leg as the position metrics read it. Prices in paise per unit; quantity in units still open (0 once closed). */
export interface MetricsLeg {
  /** CE / PE; null for a future. */
  readonly optionType: 'CE' | 'PE' | null;
  /** Strike in index points; null for a future. */
  readonly strike: number | null;
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  readonly entryPricePaise: number;
  readonly lastPricePaise: number | null;
  readonly greeks: MetricsLegGreeks | null;
}

/** +1 for a long leg, −1 for a short one. */
export const sideSign = (leg: Pick<MetricsLeg, 'side'>): 1 | -1 => (leg.side === 'BUY' ? 1 : -1);

/** The legs still open (closed legs carry realised P&L only: no risk, no greeks). */
export const openLegs = (legs: readonly MetricsLeg[]): MetricsLeg[] => legs.filter((l) => l.quantity > 0);
