import { Inject, Injectable } from '@nestjs/common';
import type { AlertChannelStatusResponse, AlertCooldownResponse } from '@mcube/contracts';
import type { AlertChannelName, Clock } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { inTransaction } from '../../../database/in-transaction';
import { AuditService } from '../../core/audit/audit.service';
import { AlertsService } from '../alerts.service';
import { DEFAULT_COOLDOWNS, defaultCooldownSeconds } from '../cooldown/alert-kind';
import type { UpdateChannelSettingsDto } from '../dto/update-channel-settings.dto';
import { AlertChannelSetting } from '../entities/alert-channel-setting.entity';
import { AlertCooldown } from '../entities/alert-cooldown.entity';
import { AlertChannelStatusService } from './alert-channel-status.service';
import { AlertRoutesService } from './alert-routes.service';
import { WALL_CLOCK } from '../../core/clock/clock.token';

const KIND = /^[a-z0-9][a-z0-9:._-]{0,59}$/;

/** Edits the stored routing and cooldowns (admin; audited in the same transaction) and sends test alerts. */
@Injectable()
export class AlertSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly routes: AlertRoutesService,
    private readonly status: AlertChannelStatusService,
    private readonly alerts: AlertsService,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  /** Replaces channel `channel`'s routing; returns its status. */
  async updateChannel(channel: AlertChannelName, dto: UpdateChannelSettingsDto): Promise<AlertChannelStatusResponse> {
    if (dto.quietFrom !== null && dto.quietFrom === dto.quietTo) throw new AppException('VALIDATION_FAILED', 'quietFrom and quietTo must differ (null both for no quiet hours)');
    const before = (await this.routes.settings()).find((s) => s.channel === channel);
    await inTransaction(this.dataSource, async (m) => {
      const values = { enabled: dto.enabled, minSeverity: dto.minSeverity, quietFrom: dto.quietFrom, quietTo: dto.quietTo };
      const existing = await m.findOne(AlertChannelSetting, { where: { channel } });
      if (existing) await m.update(AlertChannelSetting, existing.id, values);
      else await m.insert(AlertChannelSetting, { channel, ...values });
      await this.audit.record({ action: 'alert.channel-settings', entity: 'alert_channel_settings', entityId: channel, oldValue: before, newValue: values }, m);
    });
    return (await this.status.list()).find((s) => s.channel === channel) as AlertChannelStatusResponse;
  }

  /** Every known kind (built-in and stored) with its cooldown. */
  async cooldowns(): Promise<AlertCooldownResponse[]> {
    const stored = await this.dataSource.getRepository(AlertCooldown).find();
    const kinds = [...new Set([...Object.keys(DEFAULT_COOLDOWNS), ...stored.map((s) => s.kind)])].sort();
    return kinds.map((kind) => {
      const row = stored.find((s) => s.kind === kind);
      return { kind, cooldownSeconds: row?.cooldownSeconds ?? defaultCooldownSeconds(kind), stored: row !== undefined, defaultSeconds: defaultCooldownSeconds(kind) };
    });
  }

  /** Stores the cooldown of `kind`. Throws VALIDATION_FAILED for a malformed kind. */
  async updateCooldown(kind: string, cooldownSeconds: number): Promise<AlertCooldownResponse> {
    if (!KIND.test(kind)) throw new AppException('VALIDATION_FAILED', 'kind must be 1-60 characters of a-z 0-9 : . _ -');
    await inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOne(AlertCooldown, { where: { kind } });
      if (existing) await m.update(AlertCooldown, existing.id, { cooldownSeconds });
      else await m.insert(AlertCooldown, { kind, cooldownSeconds });
      await this.audit.record({ action: 'alert.cooldown', entity: 'alert_cooldowns', entityId: kind, oldValue: { cooldownSeconds: existing?.cooldownSeconds ?? defaultCooldownSeconds(kind) }, newValue: { cooldownSeconds } }, m);
    });
    return (await this.cooldowns()).find((c) => c.kind === kind) as AlertCooldownResponse;
  }

  /** Raises an INFO test alert routed to `channel` only; audited. Throws CONFLICT when the channel has no credentials. */
  async sendTest(channel: AlertChannelName): Promise<{ alertId: number }> {
    if (!(await this.routes.settings()).find((s) => s.channel === channel)?.configured) throw new AppException('CONFLICT', `${channel} is not configured (see .env.example)`);
    const by = currentRequestContext()?.principal?.username ?? 'system';
    const alert = await this.alerts.raise({
      accountId: null,
      severity: 'INFO',
      category: 'SYSTEM',
      title: `Test alert (${channel})`,
      message: `A test of the ${channel} channel, sent by ${by} from the console.`,
      delivery: { only: [channel] },
      occurredAtMs: this.clock.nowMs(),
    });
    if (!alert) throw new AppException('CONFLICT', 'test alert not raised');
    await this.audit.record({ action: 'alert.test', entity: 'alert', entityId: String(alert.id), newValue: { channel } });
    return { alertId: alert.id };
  }
}
