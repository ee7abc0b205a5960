/**
 * Open interest of the simulator's index futures (NIFTY, BANKNIFTY): one positioning process per
 * index over all its listed monthly contracts, like the stock profile (`stockOiPositioning`), and
 * the monthly roll moving the near month's OI into the next month in the expiry week. Pure:
 * the engine draws the day's inputs from hashes of (seed, date, index), never from the price
 * streams, so NIFTY, options and stocks are priced exactly as without it.
 */

/** Share of an index's futures OI in each listed monthly contract (near, next, far) when the simulation starts. */
export const INDEX_OI_START_SHARES: readonly number[] = [0.9, 0.08, 0.02];

/** OI (share of the index's base) a contract opens with on its first listed day. */
export const NEW_CONTRACT_OI_SHARE = 0.02;

/**
 * Today's positioning in an index's futures, drawn at the open. `noise` is a standard normal
 * (the day's unexplained OI drift), `u1`, `u2` ∈ [0, 1) reproducible hashes (seed, date, index).
 * - Fresh positions (long or short buildup) with probability 0.55, else closing ones (short
 *   covering, long unwinding).
 * - Sensitivity 2.5–7.5 (log-OI per log-price move): an index moves less than a stock, and a
 *   1% index day with fresh positions adds 2.5–7.5% OI, as NIFTY futures do on trending days.
 * - Drift: 2% a day at random, pulled back towards the base OI (10% of the log gap a day), less
 *   the mean buildup of a day (about 0.3%), so OI stays near its base over years.
 */
export function indexOiPositioning(input: { previousClose: number; base: number; noise: number; u1: number; u2: number }): { drift: number; sensitivity: number } {
  const sign = input.u1 < 0.55 ? 1 : -1;
  const sensitivity = sign * (2.5 + 5 * input.u2);
  const drift = 0.02 * input.noise - 0.1 * Math.log(input.previousClose / input.base) - 0.003;
  return { drift, sensitivity };
}

/**
 * Share of the near month's OI rolled into the next month over one session: none until the
 * expiry week, then 30% of what is left on each of its last sessions (about 12% of it still
 * open at the expiry close, when it settles and leaves the market).
 */
export function rollFraction(calendarDaysToNearExpiry: number): number {
  return calendarDaysToNearExpiry <= 7 ? 0.3 : 0;
}

/**
 * One contract's OI now (units, whole lots, never negative): its previous close, plus what the
 * roll brought in (`rolledIn`, units at the full day) less what it sent out (`rolledOut`, a
 * fraction at the full day), both accruing with the day's activity `progress` ∈ [0, 1]; then the
 * index's positioning factor: `drift` · progress + `sensitivity` · |log price move so far|.
 * Fresh positions raise OI with any move (long buildup up, short buildup down); closing ones
 * lower it (short covering up, long unwinding down). The roll moves OI between contracts and
 * leaves the index's total unchanged.
 */
export function indexContractOpenInterest(input: {
  previousClose: number;
  rolledIn: number;
  rolledOut: number;
  drift: number;
  sensitivity: number;
  priceLogChange: number;
  progress: number;
  lotSize: number;
}): number {
  const carried = input.previousClose * (1 - input.rolledOut * input.progress) + input.rolledIn * input.progress;
  const units = carried * Math.exp(input.drift * input.progress + input.sensitivity * Math.abs(input.priceLogChange));
  return Math.max(0, Math.round(units / input.lotSize) * input.lotSize);
}
