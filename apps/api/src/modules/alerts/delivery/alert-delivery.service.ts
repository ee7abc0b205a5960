import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlertChannelError, isRetryableAlertError, retryDelayMs, type AlertChannelName, type Clock, type OutgoingAlert } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { JOB_QUEUE, type JobQueue } from '../../../jobs/job-queue.port';
import type { AlertDeliverPayload } from '../../../jobs/job-registry';
import { accountNameOf } from '../../accounts/account-reads';
import { ALERT_CHANNELS, type AlertChannelRegistry } from '../channels/alert-channel.registry';
import { renderAlert } from '../channels/render-alert';
import { Alert } from '../entities/alert.entity';
import { AlertLog, type AlertLogStatus } from '../entities/alert-log.entity';
import { AlertContentRegistry } from './alert-content.registry';
import { deliveryOf } from './alert-delivery-directive';
import { ALERT_RETRY_POLICY, type AlertRetryPolicy } from './alert-retry-policy';
import { ChannelFailureNotifier } from './channel-failure.notifier';
import { WALL_CLOCK } from '../../core/clock/clock.token';

/**
 * The `alerts.deliver` handler: one attempt at one alert on one channel to one recipient,
 * recorded as one `alert_logs` row. Never sends twice: a recipient with a SENT row, or an
 * attempt already recorded (a redelivered job), is not sent again. A retryable failure
 * (timeout, 5xx, 429) schedules the next attempt as a new job, after the doubling backoff or
 * the provider's retry_after, until the policy's attempts are spent; a final failure (bad
 * token, refused recipient, attempts spent) tells the other channels (a WARNING).
 */
@Injectable()
export class AlertDeliveryService {
  private readonly logger = new Logger('AlertDelivery');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(ALERT_CHANNELS) private readonly channels: AlertChannelRegistry,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
    @Inject(ALERT_RETRY_POLICY) private readonly policy: AlertRetryPolicy,
    private readonly contents: AlertContentRegistry,
    private readonly failures: ChannelFailureNotifier,
  ) {}

  /** Runs one attempt (see the class comment): the `alerts.deliver` job. */
  @HandlesJob('alerts.deliver')
  async deliver(p: AlertDeliverPayload): Promise<void> {
    const logs = this.dataSource.getRepository(AlertLog);
    const alert = await this.dataSource.getRepository(Alert).findOne({ where: { id: p.alertId } });
    if (!alert) return;
    if (await logs.exists({ where: { alertId: p.alertId, channel: p.channel, recipient: p.recipient, status: 'SENT' } })) return;
    const done = await logs.findOne({ where: { alertId: p.alertId, channel: p.channel, recipient: p.recipient, attempt: p.attempt } });
    if (done) {
      // A redelivered job: this attempt happened; make sure its follow-up exists (same job id, so at most once).
      if (done.status === 'RETRYING') await this.scheduleNext(p, undefined);
      return;
    }
    const channel = this.channels.get(p.channel);
    if (!channel) return void (await this.record(p, 'FAILED', null, 'channel no longer configured'));
    try {
      const receipt = await channel.send(p.recipient, await this.messageOf(alert));
      await this.record(p, 'SENT', receipt.providerMessageId, null);
    } catch (err) {
      const e = err instanceof AlertChannelError ? err : new AlertChannelError('TEMPORARY', `unexpected: ${(err as Error)?.message ?? String(err)}`);
      const retry = isRetryableAlertError(e.kind) && p.attempt < this.policy.maxAttempts;
      await this.record(p, retry ? 'RETRYING' : 'FAILED', null, `${e.kind}: ${e.message}`);
      this.logger.warn({ msg: 'alert delivery failed', alertId: p.alertId, channel: p.channel, attempt: p.attempt, kind: e.kind, retry, err: e.message });
      if (retry) await this.scheduleNext(p, e.retryAfterMs);
      else await this.failures.channelFailed({ channel: p.channel, alertId: alert.id, alertTitle: alert.title, error: `${e.kind}: ${e.message}`, occurredAtMs: this.clock.nowMs() });
    }
  }

  private async scheduleNext(p: AlertDeliverPayload, retryAfterMs: number | undefined): Promise<void> {
    const delayMs = retryDelayMs({ attempt: p.attempt, baseMs: this.policy.baseDelayMs, maxMs: this.policy.maxDelayMs, retryAfterMs });
    await this.jobs.enqueue('alerts.deliver', { ...p, attempt: p.attempt + 1 }, { delayMs });
  }

  private async messageOf(alert: Alert): Promise<OutgoingAlert> {
    const content = deliveryOf(alert.context).content;
    const renderer = content ? this.contents.get(content) : undefined;
    if (renderer) return renderer(alert);
    return renderAlert(alert, alert.accountId === null ? null : await accountNameOf(this.dataSource, alert.accountId));
  }

  private async record(p: AlertDeliverPayload, status: AlertLogStatus, providerMessageId: string | null, errorMessage: string | null): Promise<void> {
    await this.dataSource.getRepository(AlertLog).insert({
      alertId: p.alertId,
      channel: p.channel as AlertChannelName,
      recipient: p.recipient,
      status,
      attempt: p.attempt,
      providerMessageId: providerMessageId?.slice(0, 120) ?? null,
      errorMessage: errorMessage?.slice(0, 2000) ?? null,
      occurredAt: new Date(this.clock.nowMs()),
    });
  }
}
