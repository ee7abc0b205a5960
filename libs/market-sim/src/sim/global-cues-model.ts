import type { Prng } from './prng';

/** Overnight moves the simulator shows before the open: US closes and GIFT Nifty vs the NIFTY close. */
export interface OvernightCues {
  readonly nasdaqChangePct: number;
  readonly dowChangePct: number;
  /** Standard normal shock of NIFTY's overnight gap, correlated with the US moves. */
  readonly gapShock: number;
}

/** Correlation of NIFTY's opening gap with the US session before it. */
export const US_GAP_CORRELATION = 0.45;

/**
 * The US session's moves (Nasdaq ≈ 1.3 %, Dow ≈ 1.0 % daily at VIX 15, correlated 0.85) and the
 * NIFTY gap shock they lead. Volatility scales with India VIX as a proxy of global risk.
 */
export function drawOvernightCues(vix: number, prng: Prng): OvernightCues {
  const scale = vix / 15;
  const us = prng.normal();
  const dowOwn = prng.normal();
  const gapOwn = prng.normal();
  return {
    nasdaqChangePct: 1.3 * scale * us,
    dowChangePct: 1.0 * scale * (0.85 * us + Math.sqrt(1 - 0.85 * 0.85) * dowOwn),
    gapShock: US_GAP_CORRELATION * us + Math.sqrt(1 - US_GAP_CORRELATION ** 2) * gapOwn,
  };
}
