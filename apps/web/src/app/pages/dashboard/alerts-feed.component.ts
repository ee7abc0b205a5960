import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { AlertResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { DashboardApi } from './dashboard.api';
import { DashboardStore } from './dashboard.store';
import { unacknowledged } from './live/feed';

const SEVERITY_CLASS: Record<AlertResponse['severity'], string> = { INFO: 'text-bg-info', WARNING: 'text-bg-warning', CRITICAL: 'text-bg-danger' };

/** The alerts feed, newest first, live; trader/admin acknowledge them. */
@Component({
  selector: 'mc-alerts-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <section class="card shadow-sm h-100" data-testid="alerts-feed">
      <div class="card-header bg-white d-flex align-items-center gap-2">
        <h2 class="h6 mb-0 me-auto">Alerts</h2>
        @if (open() > 0) {
          <span class="badge text-bg-danger" data-testid="alerts-open">{{ open() }} open</span>
        }
      </div>
      <ul class="list-group list-group-flush feed">
        @for (a of alerts(); track a.id) {
          <li class="list-group-item" [class.opacity-75]="a.acknowledgedAtMs !== null" [attr.data-testid]="'alert-' + a.id" [attr.data-severity]="a.severity">
            <div class="d-flex flex-wrap align-items-center gap-2">
              <span class="badge" [class]="'badge ' + severityClass[a.severity]">{{ a.severity }}</span>
              <span class="fw-semibold me-auto">{{ a.title }}</span>
              <span class="text-secondary small text-nowrap">{{ a.occurredAtMs | date: 'dd MMM, HH:mm:ss' : '+0530' }}</span>
            </div>
            <div class="small mt-1">{{ a.message }}</div>
            <div class="d-flex align-items-center gap-2 mt-1 small text-secondary">
              <span class="me-auto">{{ a.category }}</span>
              @if (a.acknowledgedAtMs !== null) {
                <span>Acknowledged by {{ a.acknowledgedBy ?? '—' }}</span>
              } @else if (auth.canWrite()) {
                <button type="button" class="btn btn-sm btn-outline-secondary" [attr.data-testid]="'alert-ack-' + a.id" [disabled]="busy() === a.id" (click)="acknowledge(a)">Acknowledge</button>
              }
            </div>
          </li>
        } @empty {
          <li class="list-group-item text-secondary small">No alerts.</li>
        }
      </ul>
    </section>
  `,
  styles: [`.feed { max-height: 28rem; overflow-y: auto; }`],
})
export class AlertsFeedComponent {
  private readonly api = inject(DashboardApi);
  private readonly store = inject(DashboardStore);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  readonly alerts = input.required<readonly AlertResponse[]>();
  protected readonly severityClass = SEVERITY_CLASS;
  protected readonly open = computed(() => unacknowledged(this.alerts()));
  protected readonly busy = signal<number | null>(null);

  protected async acknowledge(a: AlertResponse): Promise<void> {
    this.busy.set(a.id);
    try {
      this.store.applyAlert(await this.api.acknowledge(a.id));
    } catch (err) {
      this.notifier.error(`Could not acknowledge the alert: ${messageOf(err)}`);
    } finally {
      this.busy.set(null);
    }
  }
}
