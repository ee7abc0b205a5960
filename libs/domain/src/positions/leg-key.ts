import type { IntentInstrument } from '../risk/order-terms';

/**
 * The key of a contract inside a position: underlying, expiry, kind, and strike and right for
 * an option ('NIFTY|2026-08-25|OPT|24500|CE'). Two fills belong to the same leg exactly when
 * their keys are equal. (The API keys legs by its trading symbol, which encodes the same five
 * fields.) Pure; never throws.
 */
export function legKeyOf(instrument: IntentInstrument): string {
  const contract = instrument.kind === 'FUT' ? 'FUT' : `OPT|${instrument.strike}|${instrument.optionType}`;
  return `${instrument.underlying}|${instrument.expiry}|${contract}`;
}
