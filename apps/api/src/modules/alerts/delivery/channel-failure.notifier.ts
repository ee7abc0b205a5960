import { Injectable } from '@nestjs/common';
import type { AlertChannelName } from '@mcube/domain';
import { AlertsService } from '../alerts.service';

/** What failed, for the WARNING. */
export interface ChannelFailure {
  channel: AlertChannelName;
  alertId: number;
  alertTitle: string;
  error: string;
  occurredAtMs: number;
}

/**
 * Tells the person, on the other channels, that a channel gave up on an alert: one WARNING
 * per channel within the `alert-channel` cooldown, never routed to the failing channel itself
 * (so a dead channel cannot loop). The console shows it as well (the feed and the channel status).
 */
@Injectable()
export class ChannelFailureNotifier {
  constructor(private readonly alerts: AlertsService) {}

  async channelFailed(f: ChannelFailure): Promise<void> {
    await this.alerts.raise({
      accountId: null,
      severity: 'WARNING',
      category: 'SYSTEM',
      title: `Alert channel ${f.channel} is failing`,
      message: `"${f.alertTitle}" (alert ${f.alertId}) could not be delivered by ${f.channel}: ${f.error}. Check the channel on the Alerts page.`,
      context: { channel: f.channel, alertId: f.alertId, error: f.error },
      dedupKey: `alert-channel:${f.channel}`,
      delivery: { exclude: [f.channel] },
      occurredAtMs: f.occurredAtMs,
    });
  }
}
