import { DomainError } from '../errors/domain-error';
import type { AlertChannelName, AlertSeverity } from '../ports/alert-channel.port';
import { secondsOfDay, type IstTime } from '../time/ist-date';

const LOUDNESS: Readonly<Record<AlertSeverity, number>> = { INFO: 0, WARNING: 1, CRITICAL: 2 };

/** Whether `severity` is at least as loud as `floor` (INFO < WARNING < CRITICAL). */
export function severityAtLeast(severity: AlertSeverity, floor: AlertSeverity): boolean {
  return LOUDNESS[severity] >= LOUDNESS[floor];
}

/** IST hours in which INFO alerts are not sent; `from` > `to` wraps midnight (22:00 → 07:00). */
export interface QuietHours {
  readonly from: IstTime;
  readonly to: IstTime;
}

/** Whether `time` (IST) falls in [from, to), wrapping midnight when from > to; from = to is never quiet. */
export function inQuietHours(time: IstTime, quiet: QuietHours): boolean {
  const t = secondsOfDay(time);
  const from = secondsOfDay(quiet.from);
  const to = secondsOfDay(quiet.to);
  if (from === to) return false;
  return from < to ? t >= from && t < to : t >= from || t < to;
}

/** One channel's stored routing: on or off, the quietest severity it takes, and its quiet hours for INFO. */
export interface ChannelRoute {
  readonly channel: AlertChannelName;
  /** Configured (credentials present) and switched on. */
  readonly enabled: boolean;
  readonly minSeverity: AlertSeverity;
  readonly quietHours: QuietHours | null;
}

/** The plan's routing (Week 11): INFO → Telegram; WARNING → + e-mail; CRITICAL → + SMS. */
export const DEFAULT_MIN_SEVERITY: Readonly<Record<AlertChannelName, AlertSeverity>> = { TELEGRAM: 'INFO', EMAIL: 'WARNING', SMS: 'CRITICAL' };

/** What routing decided for one channel. */
export type RouteDecision =
  | { readonly channel: AlertChannelName; readonly action: 'SEND' }
  | { readonly channel: AlertChannelName; readonly action: 'SKIP'; readonly reason: 'DISABLED' | 'QUIET_HOURS' };

/** What `routeAlert` needs. */
export interface RouteAlertInput {
  readonly severity: AlertSeverity;
  readonly routes: readonly ChannelRoute[];
  /** IST wall time of the decision. */
  readonly time: IstTime;
  /** Explicit channels (a test alert, the daily report): replace the severity rule, still honour enable switches. */
  readonly only?: readonly AlertChannelName[];
  /** Channels never to use for this alert (the failing channel its own failure warning is about). */
  readonly exclude?: readonly AlertChannelName[];
}

/**
 * The channels an alert goes to. A channel is considered when `only` names it, or else when
 * the alert is at least its `minSeverity`; a considered channel that is disabled is SKIPPED
 * (DISABLED), an INFO in its quiet hours is SKIPPED (QUIET_HOURS), anything else is SENT.
 * WARNING and CRITICAL ignore quiet hours. Channels not considered are not listed. Pure.
 */
export function routeAlert(input: RouteAlertInput): RouteDecision[] {
  const seen = new Set<AlertChannelName>();
  const out: RouteDecision[] = [];
  for (const r of input.routes) {
    if (seen.has(r.channel)) throw new DomainError('INVALID_ARGUMENT', `channel ${r.channel} is routed twice`);
    seen.add(r.channel);
    if (input.exclude?.includes(r.channel)) continue;
    const considered = input.only ? input.only.includes(r.channel) : severityAtLeast(input.severity, r.minSeverity);
    if (!considered) continue;
    if (!r.enabled) out.push({ channel: r.channel, action: 'SKIP', reason: 'DISABLED' });
    else if (input.severity === 'INFO' && r.quietHours && inQuietHours(input.time, r.quietHours)) out.push({ channel: r.channel, action: 'SKIP', reason: 'QUIET_HOURS' });
    else out.push({ channel: r.channel, action: 'SEND' });
  }
  return out;
}

/** What `cooldownSuppresses` needs. */
export interface CooldownInput {
  readonly severity: AlertSeverity;
  /** When the last alert of the same dedup key occurred; null when there was none. */
  readonly previousOccurredAtMs: number | null;
  readonly occurredAtMs: number;
  readonly cooldownMs: number;
}

/**
 * Whether a repeated alert is suppressed: only when an alert with the same dedup key occurred
 * less than `cooldownMs` before this one (or after it: a late duplicate). CRITICAL never is.
 */
export function cooldownSuppresses(input: CooldownInput): boolean {
  if (input.severity === 'CRITICAL' || input.previousOccurredAtMs === null) return false;
  return input.occurredAtMs - input.previousOccurredAtMs < input.cooldownMs;
}

/**
 * When the next attempt of a failed delivery runs: the provider's `retryAfterMs` when it gave
 * one (never earlier), else `baseMs` doubled per attempt made, capped at `maxMs`.
 * `attempt` is the attempt that just failed (1 = the first).
 */
export function retryDelayMs(opts: { attempt: number; baseMs: number; maxMs: number; retryAfterMs?: number }): number {
  if (!Number.isInteger(opts.attempt) || opts.attempt < 1) throw new DomainError('INVALID_ARGUMENT', `attempt must be a positive integer, got ${opts.attempt}`);
  const backoff = Math.min(opts.maxMs, opts.baseMs * 2 ** (opts.attempt - 1));
  return opts.retryAfterMs !== undefined && opts.retryAfterMs > backoff ? opts.retryAfterMs : backoff;
}
