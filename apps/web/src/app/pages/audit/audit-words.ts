/** What each audited thing is called in the audit page's filter (the API's `entity` values). */
export const AUDIT_ENTITY_WORDS: Readonly<Record<string, string>> = {
  strategy_config: 'Strategy settings and pauses',
  risk_limit: 'Risk limits',
  broker_account: 'Accounts and kill switch',
  circuit_breaker: 'Circuit breakers',
  api_credential: 'Broker credentials',
  api_key: 'API keys',
  user: 'Users and passwords',
  calendar: 'NSE calendar',
  economic_event: 'Economic events',
  market_data: 'History imports',
  alert: 'Alerts',
  alert_channel_settings: 'Alert channels',
  alert_cooldowns: 'Alert cooldowns',
  telegram_chat: 'Telegram chats',
  daily_report: 'Daily reports',
};

/** An audited action in words ('strategy.pause' → 'Paused new entries'); the code itself when unknown. */
export function auditActionText(action: string): string {
  return ACTION_WORDS[action] ?? action.replace(/[.-]/g, ' ');
}

const ACTION_WORDS: Readonly<Record<string, string>> = {
  'strategy.pause': 'Paused new entries',
  'strategy.resume': 'Resumed new entries',
  'strategy-parameters.update': 'Changed strategy parameters',
  'risk-limits.update': 'Changed risk limits',
  'credentials.replace': 'Replaced broker credentials',
  'credentials.delete': 'Deleted broker credentials',
  'credentials.re-encrypt': 'Re-encrypted broker credentials',
  'api-key.create': 'Created an API key',
  'api-key.revoke': 'Revoked an API key',
  'user.create': 'Created a user',
  'user.update': 'Changed a user',
  'user.password-change': 'Changed a password',
  'calendar.holiday.add': 'Added a holiday',
  'calendar.holiday.remove': 'Removed a holiday',
  'calendar.session.put': 'Set a special session',
  'calendar.session.remove': 'Removed a special session',
  'calendar.year.withdraw': 'Withdrew a calendar year',
  'economic-event.create': 'Added an economic event',
  'economic-event.update': 'Changed an economic event',
  'economic-event.delete': 'Deleted an economic event',
  'market-history.import': 'Imported price history',
  'alert.acknowledge': 'Acknowledged an alert',
  'alert.channel-settings': 'Changed alert channels',
  'alert.cooldown': 'Changed an alert cooldown',
  'alert.test': 'Sent a test alert',
  'telegram.chat-add': 'Added a Telegram chat',
  'telegram.chat-remove': 'Removed a Telegram chat',
  'telegram.command': 'Telegram command',
  'telegram.refused': 'Refused a Telegram command',
  'telegram.button': 'Telegram button',
  'daily-report.send': 'Sent the daily report',
};

/** A stored JSON value as short `key: value` lines for the page (the text itself when it is not an object). */
export function auditValueLines(json: string | null): string[] {
  if (json === null) return [];
  try {
    const v = JSON.parse(json) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return [JSON.stringify(v)];
    return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`);
  } catch {
    return [json];
  }
}
