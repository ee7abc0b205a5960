import type { MarketClockResponse } from '@mcube/contracts';
import { IST_OFFSET_MS } from './ist-date';

/** How far past a reading the browser runs the market clock on its own (then it waits for the next one). */
export const EXTRAPOLATE_MAX_WALL_MS = 5_000;

/**
 * Market now at wall instant `wallNowMs`, from the last reading received at `receivedAtWallMs`:
 * the reading advanced at its speed while the session is open, for at most
 * `EXTRAPOLATE_MAX_WALL_MS` (an accelerated clock jumps over closed hours; a stale reading must
 * not run on for ever). Outside the session a real-time clock still advances; an accelerated
 * one holds until the server says where it jumped.
 */
export function marketNowMs(reading: MarketClockResponse, receivedAtWallMs: number, wallNowMs: number): number {
  const elapsed = Math.min(Math.max(0, wallNowMs - receivedAtWallMs), EXTRAPOLATE_MAX_WALL_MS);
  if (reading.speed > 1 && reading.session !== 'OPEN') return reading.nowMs;
  return reading.nowMs + elapsed * reading.speed;
}

/** HH:MM:SS in IST of an instant. */
export function istTimeOf(epochMs: number): string {
  return new Date(epochMs + IST_OFFSET_MS).toISOString().slice(11, 19);
}

/** Words for a session state, as the status bar shows them. */
export const SESSION_LABEL: Record<MarketClockResponse['session'], string> = {
  PRE_OPEN: 'Pre-open',
  OPEN: 'Market open',
  CLOSED: 'Market closed',
  HOLIDAY: 'Holiday',
};
