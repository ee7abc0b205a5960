import { Inject, Injectable } from '@nestjs/common';
import { ALERT_CHANNEL_NAMES, DEFAULT_MIN_SEVERITY, type AlertChannelName, type AlertSeverity, type ChannelRoute } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { ALERT_CHANNELS, type AlertChannelRegistry } from '../channels/alert-channel.registry';
import { AlertChannelSetting } from '../entities/alert-channel-setting.entity';

/** One channel's stored settings with the defaults filled in, and whether it has credentials. */
export interface ChannelSettings {
  channel: AlertChannelName;
  configured: boolean;
  enabled: boolean;
  minSeverity: AlertSeverity;
  quietHours: { from: string; to: string } | null;
}

/** Reads the routing of every channel: stored rows over the plan's defaults (on, INFO/WARNING/CRITICAL, no quiet hours). */
@Injectable()
export class AlertRoutesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ALERT_CHANNELS) private readonly channels: AlertChannelRegistry,
  ) {}

  /** Every channel, configured or not, in routing order. */
  async settings(): Promise<ChannelSettings[]> {
    const rows = await this.dataSource.getRepository(AlertChannelSetting).find();
    return ALERT_CHANNEL_NAMES.map((channel) => {
      const row = rows.find((r) => r.channel === channel);
      return {
        channel,
        configured: this.channels.has(channel),
        enabled: row?.enabled ?? true,
        minSeverity: row?.minSeverity ?? DEFAULT_MIN_SEVERITY[channel],
        quietHours: row?.quietFrom && row.quietTo ? { from: row.quietFrom, to: row.quietTo } : null,
      };
    });
  }

  /** The routes of the configured channels (an unconfigured channel is never routed to, nor logged). */
  async routes(): Promise<ChannelRoute[]> {
    return (await this.settings()).filter((s) => s.configured).map((s) => ({ channel: s.channel, enabled: s.enabled, minSeverity: s.minSeverity, quietHours: s.quietHours }));
  }
}
