import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { istDateTimeOf, routeAlert, type AlertChannelName, type Clock } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, type JobQueue } from '../../../jobs/job-queue.port';
import { ALERT_CHANNELS, type AlertChannelRegistry } from '../channels/alert-channel.registry';
import { Alert } from '../entities/alert.entity';
import { AlertLog } from '../entities/alert-log.entity';
import { AlertRoutesService } from '../settings/alert-routes.service';
import { deliveryOf } from './alert-delivery-directive';
import { WALL_CLOCK } from '../../core/clock/clock.token';

/**
 * Routes a stored alert to its channels and enqueues one `alerts.deliver` job per recipient.
 * `dispatch` returns at once: the routing runs in the background, so raising an alert never
 * waits for Redis, a provider or a settings read (the order path and the monitor go on).
 * A channel switched off or in quiet hours gets a SKIPPED row; a channel without credentials
 * is not routed to at all (console only).
 */
@Injectable()
export class AlertDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('AlertDispatcher');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly routes: AlertRoutesService,
    @Inject(ALERT_CHANNELS) private readonly channels: AlertChannelRegistry,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    /** Wall time: quiet hours are about a person's night, not the market's. */
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts routing alert `alertId`; never throws (failures are logged). */
  dispatch(alertId: number): void {
    if (this.channels.names().length === 0) return;
    const run = this.route(alertId).catch((err: unknown) => this.logger.error({ msg: 'alert not dispatched', alertId, err: (err as Error).message }));
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves when every dispatch started so far has enqueued its jobs (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.whenIdle();
  }

  private async route(alertId: number): Promise<void> {
    const alert = await this.dataSource.getRepository(Alert).findOne({ where: { id: alertId } });
    if (!alert) return;
    const delivery = deliveryOf(alert.context);
    const decisions = routeAlert({ severity: alert.severity, routes: await this.routes.routes(), time: istDateTimeOf(this.clock.nowMs()).time, only: delivery.only, exclude: delivery.exclude });
    for (const d of decisions) {
      if (d.action === 'SKIP') {
        await this.skip(alert.id, d.channel, d.reason === 'DISABLED' ? 'channel switched off' : 'quiet hours (INFO)');
        continue;
      }
      const recipients = (await this.channels.get(d.channel)?.recipients()) ?? [];
      if (recipients.length === 0) await this.skip(alert.id, d.channel, d.channel === 'TELEGRAM' ? 'no allow-listed chat receives alerts' : 'no recipients');
      for (const recipient of recipients) await this.jobs.enqueue('alerts.deliver', { alertId: alert.id, channel: d.channel, recipient, attempt: 1 });
    }
  }

  private async skip(alertId: number, channel: AlertChannelName, reason: string): Promise<void> {
    await this.dataSource.getRepository(AlertLog).insert({ alertId, channel, status: 'SKIPPED', attempt: 1, recipient: null, providerMessageId: null, errorMessage: reason, occurredAt: new Date(this.clock.nowMs()) });
  }
}
