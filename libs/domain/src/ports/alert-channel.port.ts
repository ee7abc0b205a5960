/** How urgent an alert is. CRITICAL = a breaker trip, a failed login, an unknown order. */
export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

/** One message to a person. */
export interface AlertMessage {
  readonly severity: AlertSeverity;
  readonly title: string;
  readonly body: string;
  /** Alerts with the same key within the channel's window are sent once. */
  readonly dedupKey?: string;
  readonly accountId?: string;
  readonly occurredAtMs: number;
}

/**
 * A way to reach a person (Telegram, SMS/voice via Twilio, e-mail, the dashboard).
 * Required: `name`, `send`. Guarantees: `send` resolves once the provider accepted the
 * message; it rejects with a `BrokerError` (TEMPORARY/RATE_LIMITED/AUTH_EXPIRED) when it
 * did not, so the alerts module can fall back to another channel. It never throws
 * synchronously and never blocks the order path (callers do not await it there).
 */
export interface AlertChannel {
  readonly name: string;
  send(message: AlertMessage): Promise<void>;
}
