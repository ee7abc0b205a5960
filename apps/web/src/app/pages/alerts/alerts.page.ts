import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { AlertChannelsApi } from './alerts.api';
import { ChannelCardComponent } from './channel-card.component';
import { TelegramChatsComponent } from './telegram-chats.component';

/** Alert channels: status and routing per channel, test alerts, cooldowns, the Telegram allow-list and the delivery log. */
@Component({
  selector: 'mc-alerts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, LoadStateComponent, ChannelCardComponent, TelegramChatsComponent],
  template: `
    <div class="d-flex flex-wrap align-items-center gap-2 mb-3">
      <h1 class="h3 mb-0 me-auto">Alerts</h1>
      @if (auth.canWrite()) { <button type="button" class="btn btn-sm btn-outline-primary" [disabled]="busy()" (click)="sendReport()">Send the daily report now</button> }
      <button type="button" class="btn btn-sm btn-outline-secondary" (click)="reloadAll()">Refresh</button>
    </div>
    <p class="small text-secondary">INFO goes to Telegram, WARNING also by e-mail, CRITICAL also by SMS. A repeated alert waits for its kind's cooldown; CRITICAL never does.</p>
    <mc-load-state [loading]="channels.loading()" [error]="channels.error()" what="channels" (retry)="channels.reload()" />
    <div class="row g-3 mb-4">
      @for (c of channels.value() ?? []; track c.channel) {
        <div class="col-12 col-lg-4"><mc-channel-card [channel]="c" [admin]="auth.isAdmin()" (changed)="reloadAll()" /></div>
      }
    </div>

    <h2 class="h5">Telegram chats</h2>
    <mc-telegram-chats [admin]="auth.isAdmin()" />

    <h2 class="h5 mt-4">Cooldowns</h2>
    <mc-load-state [loading]="cooldowns.loading()" [error]="cooldowns.error()" what="cooldowns" (retry)="cooldowns.reload()" />
    <!-- Focusable and named: a table that scrolls sideways on a phone must be scrollable by keyboard (axe). -->
    <div class="table-responsive" tabindex="0" role="region" aria-label="Cooldowns">
      <table class="table table-sm small align-middle" data-testid="cooldowns">
        <thead><tr><th>Kind</th><th>Cooldown</th><th>Default</th>@if (auth.isAdmin()) { <th></th> }</tr></thead>
        <tbody>
          @for (k of cooldowns.value() ?? []; track k.kind) {
            <tr>
              <td><code>{{ k.kind }}</code></td><td>{{ minutes(k.cooldownSeconds) }}@if (k.stored) { <span class="badge text-bg-light border ms-1">set</span> }</td><td>{{ minutes(k.defaultSeconds) }}</td>
              @if (auth.isAdmin()) { <td class="text-end"><button type="button" class="btn btn-sm btn-outline-secondary" (click)="editCooldown(k.kind, k.cooldownSeconds)">Change</button></td> }
            </tr>
          }
        </tbody>
      </table>
    </div>

    <h2 class="h5 mt-4">Delivery log</h2>
    <mc-load-state [loading]="log.loading()" [error]="log.error()" what="deliveries" (retry)="log.reload()" />
    <div class="table-responsive" tabindex="0" role="region" aria-label="Delivery log">
      <table class="table table-sm small align-middle" data-testid="delivery-log">
        <thead><tr><th>When <span class="fw-normal text-secondary small">(wall clock, IST)</span></th><th>Alert</th><th>Channel</th><th>To</th><th>Attempt</th><th>Status</th><th>Detail</th></tr></thead>
        <tbody>
          @for (d of log.value() ?? []; track d.id) {
            <tr>
              <td class="text-nowrap">{{ d.occurredAtMs | date: 'dd MMM HH:mm:ss' : '+0530' }}</td>
              <td><span class="badge" [class.text-bg-danger]="d.severity === 'CRITICAL'" [class.text-bg-warning]="d.severity === 'WARNING'" [class.text-bg-info]="d.severity === 'INFO'">{{ d.severity }}</span> {{ d.alertTitle }}</td>
              <td>{{ d.channel }}</td><td class="text-break">{{ d.recipient ?? '–' }}</td><td>{{ d.attempt }}</td>
              <td><span class="badge" [class.text-bg-success]="d.status === 'SENT'" [class.text-bg-warning]="d.status === 'RETRYING'" [class.text-bg-danger]="d.status === 'FAILED'" [class.text-bg-secondary]="d.status === 'SKIPPED'">{{ d.status }}</span></td>
              <td class="text-break">{{ d.error ?? d.providerMessageId ?? '' }}</td>
            </tr>
          } @empty {
            <tr><td colspan="7" class="text-secondary">Nothing sent yet (no channel configured, or no alert since).</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class AlertsPage {
  private readonly api = inject(AlertChannelsApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  protected readonly channels = asyncResource(() => this.api.channels());
  protected readonly cooldowns = asyncResource(() => this.api.cooldowns());
  protected readonly log = asyncResource(() => this.api.deliveries(100));
  protected readonly busy = signal(false);

  protected minutes(seconds: number): string {
    return seconds % 3600 === 0 && seconds >= 3600 ? `${seconds / 3600} h` : `${Math.round(seconds / 60)} min`;
  }

  protected async reloadAll(): Promise<void> {
    await Promise.all([this.channels.reload(), this.cooldowns.reload(), this.log.reload()]);
  }

  protected async editCooldown(kind: string, current: number): Promise<void> {
    const answer = prompt(`Cooldown of ${kind} in minutes (0 = every repeat alerts):`, String(Math.round(current / 60)));
    if (answer === null) return;
    const minutes = Number(answer);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 7 * 24 * 60) {
      this.notifier.error('Give whole minutes from 0 to 10080.');
      return;
    }
    try {
      await this.api.updateCooldown(kind, minutes * 60);
      await this.cooldowns.reload();
    } catch (err) {
      this.notifier.error(messageOf(err));
    }
  }

  protected async sendReport(): Promise<void> {
    this.busy.set(true);
    try {
      const r = await this.api.sendDailyReport();
      this.notifier.success(`Daily report ${r.tradeDate} queued for Telegram and e-mail.`);
      await this.log.reload();
    } catch (err) {
      this.notifier.error(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
