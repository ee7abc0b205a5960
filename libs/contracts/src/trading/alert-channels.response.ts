/** A channel an alert can leave the box by. */
export type AlertChannelName = 'TELEGRAM' | 'EMAIL' | 'SMS';

/** GET /api/alerts/channels: one channel's configuration, routing and health. Times UTC epoch ms. */
export interface AlertChannelStatusResponse {
  channel: AlertChannelName;
  /** Credentials present in the environment. */
  configured: boolean;
  enabled: boolean;
  /** The quietest severity it takes (routing: INFO → Telegram, WARNING → + e-mail, CRITICAL → + SMS). */
  minSeverity: 'INFO' | 'WARNING' | 'CRITICAL';
  /** IST 'HH:MM' hours in which INFO is not sent; null = none. */
  quietHours: { from: string; to: string } | null;
  /** How many recipients it has now (chats, numbers, one e-mail list). */
  recipients: number;
  lastSuccessAtMs: number | null;
  lastErrorAtMs: number | null;
  lastError: string | null;
  /** Its latest final outcome was a failure (no success since). */
  failing: boolean;
}

/** GET /api/alerts/deliveries: one attempt, newest first. */
export interface AlertDeliveryResponse {
  id: number;
  alertId: number;
  alertTitle: string;
  severity: 'INFO' | 'WARNING' | 'CRITICAL';
  channel: AlertChannelName;
  /** SENT, RETRYING (another attempt follows), FAILED (final), SKIPPED (switched off, quiet hours, no recipient). */
  status: 'SENT' | 'RETRYING' | 'FAILED' | 'SKIPPED';
  attempt: number;
  recipient: string | null;
  providerMessageId: string | null;
  error: string | null;
  occurredAtMs: number;
}

/** GET /api/alerts/cooldowns: how long a repeated alert of a kind stays quiet (CRITICAL never does). */
export interface AlertCooldownResponse {
  kind: string;
  cooldownSeconds: number;
  /** True when a stored setting overrides the built-in default. */
  stored: boolean;
  defaultSeconds: number;
}

/** GET /api/alerts/telegram-chats: a chat on the bot's allow-list. */
export interface TelegramChatResponse {
  id: number;
  chatId: string;
  label: string;
  userId: number;
  username: string;
  role: 'admin' | 'trader' | 'viewer';
  receivesAlerts: boolean;
}
