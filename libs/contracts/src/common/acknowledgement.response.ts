/** POST /api/alerts/channels/:channel/test: the alert raised to test the channel. */
export interface AlertRaisedResponse {
  alertId: number;
}

/** POST /api/analytics/daily-report/send: the report's trade date and the alert that carried it. */
export interface DailyReportSentResponse {
  tradeDate: string;
  alertId: number;
}

/** POST /api/telegram/webhook: Telegram only needs a 200. */
export interface TelegramWebhookResponse {
  ok: true;
}
