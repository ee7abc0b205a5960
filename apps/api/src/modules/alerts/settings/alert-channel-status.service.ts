import { Inject, Injectable } from '@nestjs/common';
import type { AlertChannelStatusResponse, AlertDeliveryResponse } from '@mcube/contracts';
import { DataSource, In } from 'typeorm';
import { ALERT_CHANNELS, type AlertChannelRegistry } from '../channels/alert-channel.registry';
import type { ListDeliveriesDto } from '../dto/list-deliveries.dto';
import { AlertLog } from '../entities/alert-log.entity';
import { Alert } from '../entities/alert.entity';
import { AlertRoutesService } from './alert-routes.service';

/** The console's view of the channels (configured, routing, last success and error, failing) and of the delivery log. */
@Injectable()
export class AlertChannelStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routes: AlertRoutesService,
    @Inject(ALERT_CHANNELS) private readonly channels: AlertChannelRegistry,
  ) {}

  async list(): Promise<AlertChannelStatusResponse[]> {
    const logs = this.dataSource.getRepository(AlertLog);
    const out: AlertChannelStatusResponse[] = [];
    for (const s of await this.routes.settings()) {
      const latest = (status: AlertLog['status'][]) => logs.findOne({ where: { channel: s.channel, status: In(status) }, order: { occurredAt: 'DESC', id: 'DESC' } });
      const [success, error, final] = await Promise.all([latest(['SENT']), latest(['FAILED', 'RETRYING']), latest(['SENT', 'FAILED'])]);
      out.push({
        channel: s.channel,
        configured: s.configured,
        enabled: s.enabled,
        minSeverity: s.minSeverity,
        quietHours: s.quietHours,
        recipients: s.configured ? ((await this.channels.get(s.channel)?.recipients()) ?? []).length : 0,
        lastSuccessAtMs: success?.occurredAt.getTime() ?? null,
        lastErrorAtMs: error?.occurredAt.getTime() ?? null,
        lastError: error?.errorMessage ?? null,
        failing: final?.status === 'FAILED',
      });
    }
    return out;
  }

  /** Delivery attempts, newest first. */
  async deliveries(q: ListDeliveriesDto): Promise<AlertDeliveryResponse[]> {
    const rows = await this.dataSource.getRepository(AlertLog).find({
      where: { ...(q.channel ? { channel: q.channel } : {}), ...(q.alertId ? { alertId: q.alertId } : {}), ...(q.status ? { status: q.status } : {}) },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: q.limit ?? 100,
    });
    const alerts = await this.dataSource.getRepository(Alert).find({ where: { id: In([...new Set(rows.map((r) => r.alertId))]) }, select: { id: true, title: true, severity: true } });
    const byId = new Map(alerts.map((a) => [a.id, a]));
    return rows.map((r) => ({
      id: r.id,
      alertId: r.alertId,
      alertTitle: byId.get(r.alertId)?.title ?? '',
      severity: byId.get(r.alertId)?.severity ?? 'INFO',
      channel: r.channel as AlertDeliveryResponse['channel'],
      status: r.status,
      attempt: r.attempt,
      recipient: r.recipient,
      providerMessageId: r.providerMessageId,
      error: r.errorMessage,
      occurredAtMs: r.occurredAt.getTime(),
    }));
  }
}
