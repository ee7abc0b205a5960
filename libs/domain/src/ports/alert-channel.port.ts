/** How urgent an alert is. CRITICAL = a breaker trip, a failed login, an unknown order. */
export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

/** One message to a person, as the strategies raise it (stored and routed by the alerts module). */
export interface AlertMessage {
  readonly severity: AlertSeverity;
  readonly title: string;
  readonly body: string;
  /** The same key is alerted again only after its kind's cooldown (CRITICAL always). */
  readonly dedupKey?: string;
  readonly accountId?: string;
  readonly occurredAtMs: number;
}

/** The channels an alert can leave the box by (the console feed is not one: it always gets the alert). */
export type AlertChannelName = 'TELEGRAM' | 'EMAIL' | 'SMS';

/** Every channel, in routing order (quietest first). */
export const ALERT_CHANNEL_NAMES: readonly AlertChannelName[] = Object.freeze(['TELEGRAM', 'EMAIL', 'SMS'] as const);

/** A file sent with a message (a chart as PNG). */
export interface AlertAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** What a channel sends: plain text always, HTML where the channel formats, files where it can. */
export interface OutgoingAlert {
  readonly severity: AlertSeverity;
  readonly title: string;
  /** Plain text (SMS, e-mail text part). */
  readonly text: string;
  /** Telegram-safe HTML (b, i, code, pre, a): the e-mail HTML part and the Telegram message. */
  readonly html: string;
  readonly attachments?: readonly AlertAttachment[];
}

/** What the provider said when it accepted a message. */
export interface AlertReceipt {
  /** The provider's id (Telegram message id, SMTP Message-ID, Twilio SID); null when it gives none. */
  readonly providerMessageId: string | null;
}

/**
 * Why a channel did not deliver, in a small vocabulary:
 * - TEMPORARY: network error, timeout, 5xx: retry later (the provider may have accepted it).
 * - RATE_LIMITED: the provider asked us to slow down (429), `retryAfterMs` when it said how long.
 * - AUTH_EXPIRED: the credentials were refused (401/403, SMTP 535): retrying will not help.
 * - REJECTED: the provider refused this message or recipient (400, unknown chat): not retried.
 */
export type AlertChannelErrorKind = 'TEMPORARY' | 'RATE_LIMITED' | 'AUTH_EXPIRED' | 'REJECTED';

/** The one error an `AlertChannel` rejects with. Its message never contains a secret. */
export class AlertChannelError extends Error {
  constructor(
    readonly kind: AlertChannelErrorKind,
    message: string,
    /** How long the provider asked us to wait (RATE_LIMITED only). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AlertChannelError';
  }
}

/** Whether another attempt may succeed: TEMPORARY and RATE_LIMITED. */
export function isRetryableAlertError(kind: AlertChannelErrorKind): boolean {
  return kind === 'TEMPORARY' || kind === 'RATE_LIMITED';
}

/**
 * A way to reach a person (Telegram, e-mail, SMS). Required: `name`, `recipients`, `send`.
 * Guarantees: `send` resolves with the provider's receipt once the provider accepted the
 * message for that one recipient, and rejects with an `AlertChannelError` (never a raw
 * provider error, never a secret in its message) when it did not, within a bounded time.
 * It never blocks the order path: the alerts module calls it from delivery jobs only.
 */
export interface AlertChannel {
  readonly name: AlertChannelName;
  /** Who gets alerts on this channel now: chat ids, phone numbers, or one e-mail address list. */
  recipients(): Promise<readonly string[]>;
  send(recipient: string, message: OutgoingAlert): Promise<AlertReceipt>;
}
