import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { AlertChannelStatusResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { Notifier } from '../../core/notify/notifier.service';
import { AlertChannelsApi } from './alerts.api';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** One channel: configured or not, health (last success, last error, failing), routing form and test button (admin). */
@Component({
  selector: 'mc-channel-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule],
  template: `
    @let c = channel();
    <section class="card shadow-sm h-100" [attr.data-testid]="'channel-' + c.channel">
      <div class="card-body">
        <div class="d-flex align-items-center gap-2 mb-2">
          <h2 class="h6 mb-0 me-auto">{{ label(c.channel) }}</h2>
          @if (!c.configured) {
            <span class="badge text-bg-secondary">not configured</span>
          } @else if (c.failing) {
            <span class="badge text-bg-danger">failing</span>
          } @else if (!c.enabled) {
            <span class="badge text-bg-warning">off</span>
          } @else {
            <span class="badge text-bg-success">on</span>
          }
        </div>
        @if (!c.configured) {
          <p class="small text-secondary mb-0">Set its variables in the environment (see the README, "Alert channels") and restart.</p>
        } @else {
          <dl class="row small mb-2">
            <dt class="col-5">Recipients</dt><dd class="col-7">{{ c.recipients }}</dd>
            <dt class="col-5">Last success</dt><dd class="col-7">{{ c.lastSuccessAtMs ? (c.lastSuccessAtMs | date: 'dd MMM HH:mm:ss' : '+0530') : 'never' }}</dd>
            <dt class="col-5">Last error</dt>
            <dd class="col-7">@if (c.lastErrorAtMs) { {{ c.lastErrorAtMs | date: 'dd MMM HH:mm:ss' : '+0530' }}<br /><span class="text-danger text-break">{{ c.lastError }}</span> } @else { none }</dd>
          </dl>
          @if (admin()) {
            <form [formGroup]="form" (submit)="$event.preventDefault(); save()" class="row g-2 align-items-end">
              <div class="col-12 form-check form-switch ms-2">
                <input class="form-check-input" type="checkbox" role="switch" [id]="c.channel + '-enabled'" formControlName="enabled" />
                <label class="form-check-label small" [for]="c.channel + '-enabled'">Enabled</label>
              </div>
              <div class="col-12">
                <label class="form-label small mb-0" [for]="c.channel + '-min'">Sends alerts from</label>
                <select class="form-select form-select-sm" [id]="c.channel + '-min'" formControlName="minSeverity">
                  <option value="INFO">INFO</option><option value="WARNING">WARNING</option><option value="CRITICAL">CRITICAL</option>
                </select>
              </div>
              <div class="col-6">
                <label class="form-label small mb-0" [for]="c.channel + '-qf'">Quiet from (IST)</label>
                <input class="form-control form-control-sm" [id]="c.channel + '-qf'" placeholder="22:00" formControlName="quietFrom" />
              </div>
              <div class="col-6">
                <label class="form-label small mb-0" [for]="c.channel + '-qt'">to</label>
                <input class="form-control form-control-sm" [id]="c.channel + '-qt'" placeholder="07:00" formControlName="quietTo" />
              </div>
              <p class="col-12 small text-secondary mb-0">Quiet hours hold back INFO only; WARNING and CRITICAL always go out.</p>
              @if (error()) { <div class="col-12 small text-danger" role="alert">{{ error() }}</div> }
              <div class="col-12 d-flex gap-2">
                <button type="submit" class="btn btn-sm btn-primary" [disabled]="busy()">Save</button>
                <button type="button" class="btn btn-sm btn-outline-secondary" [disabled]="busy()" (click)="test()">Send a test alert</button>
              </div>
            </form>
          } @else {
            <p class="small mb-0">From {{ c.minSeverity }}@if (c.quietHours) { · quiet {{ c.quietHours.from }}–{{ c.quietHours.to }} IST }</p>
          }
        }
      </div>
    </section>
  `,
})
export class ChannelCardComponent {
  private readonly api = inject(AlertChannelsApi);
  private readonly notifier = inject(Notifier);
  readonly channel = input.required<AlertChannelStatusResponse>();
  readonly admin = input(false);
  readonly changed = output<void>();
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    enabled: new FormControl(true, { nonNullable: true }),
    minSeverity: new FormControl<'INFO' | 'WARNING' | 'CRITICAL'>('INFO', { nonNullable: true, validators: [Validators.required] }),
    quietFrom: new FormControl('', { nonNullable: true, validators: [Validators.pattern(TIME)] }),
    quietTo: new FormControl('', { nonNullable: true, validators: [Validators.pattern(TIME)] }),
  });

  constructor() {
    effect(() => {
      const c = this.channel();
      this.form.reset({ enabled: c.enabled, minSeverity: c.minSeverity, quietFrom: c.quietHours?.from ?? '', quietTo: c.quietHours?.to ?? '' });
    });
  }

  protected label(channel: string): string {
    return channel === 'TELEGRAM' ? 'Telegram' : channel === 'EMAIL' ? 'E-mail' : 'SMS';
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    if (this.form.invalid || (v.quietFrom === '') !== (v.quietTo === '')) {
      this.error.set('Quiet hours need both times as HH:MM, or neither.');
      return;
    }
    await this.run(async () => {
      await this.api.updateChannel(this.channel().channel, { enabled: v.enabled, minSeverity: v.minSeverity, quietFrom: v.quietFrom || null, quietTo: v.quietTo || null });
      this.notifier.success(`${this.label(this.channel().channel)} routing saved.`);
    });
  }

  protected async test(): Promise<void> {
    await this.run(async () => {
      const { alertId } = await this.api.sendTest(this.channel().channel);
      this.notifier.success(`Test alert #${alertId} queued; see the delivery log.`);
    });
  }

  private async run(fn: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await fn();
      this.changed.emit();
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
