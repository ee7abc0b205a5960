import type { AlertMessage } from '@mcube/domain';
import type { AlertSink } from '@mcube/strategy-kotak-strangle';
import type { AlertsService } from '../../alerts/alerts.service';

/** The strategy's alerts as STRATEGY alerts of the alerts module (stored once per dedup key, pushed to the console). */
export class StrategyAlertSink implements AlertSink {
  constructor(private readonly alerts: AlertsService) {}

  async raise(message: AlertMessage): Promise<void> {
    await this.alerts.raise({
      accountId: message.accountId === undefined ? null : Number(message.accountId),
      severity: message.severity,
      category: 'STRATEGY',
      title: message.title,
      message: message.body,
      dedupKey: message.dedupKey ? `strategy:${message.dedupKey}` : null,
      occurredAtMs: message.occurredAtMs,
    });
  }
}
