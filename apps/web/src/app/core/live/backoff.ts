/** First reconnect delay, ms. */
export const BACKOFF_START_MS = 1000;
/** Longest reconnect delay, ms. */
export const BACKOFF_MAX_MS = 30_000;

/** The delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function nextBackoffMs(attempt: number): number {
  if (!(attempt >= 0)) return BACKOFF_START_MS;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.min(attempt, 16));
}
