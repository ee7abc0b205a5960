/**
 * The kind of an alert, from its dedup key: the first segment (`loss-limit:3:DAILY:…` →
 * `loss-limit`), or the first two under the strategy namespace (`strategy:delta:…` →
 * `strategy:delta`), so each strategy alert has its own cooldown. At most 60 characters.
 */
export function alertKindOf(dedupKey: string): string {
  const parts = dedupKey.split(':');
  const kind = parts[0] === 'strategy' && parts.length > 1 ? `${parts[0]}:${parts[1]}` : parts[0];
  return kind.slice(0, 60);
}

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** Cooldown of a kind without a stored row, in seconds. */
export const DEFAULT_COOLDOWN_SECONDS = 30 * MINUTE;

/**
 * Built-in cooldowns (seconds) of the kinds mCube raises; a stored `alert_cooldowns` row wins.
 * The delta alert repeats every 15 minutes while the breach lasts (the strategy's own
 * `deltaAlertRepeatMs`); loss-limit warnings, the calendar-horizon warning and the daily report are
 * once a day (their key carries the date); a failing channel is reported at most hourly.
 */
export const DEFAULT_COOLDOWNS: Readonly<Record<string, number>> = {
  'strategy:delta': 15 * MINUTE,
  'strategy:eod': DAY,
  'loss-limit': DAY,
  'daily-report': DAY,
  'calendar-horizon': DAY,
  'alert-channel': 60 * MINUTE,
};

/** The built-in cooldown of `kind`, in seconds. */
export function defaultCooldownSeconds(kind: string): number {
  return DEFAULT_COOLDOWNS[kind] ?? DEFAULT_COOLDOWN_SECONDS;
}
