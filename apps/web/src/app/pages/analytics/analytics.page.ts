import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { istDateOf } from '../../core/time/ist-date';
import { AnalyticsReportComponent } from '../../shared/analytics/analytics-report.component';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { AnalyticsApi, type AnalyticsFilter } from './analytics.api';
import { LearningPanelComponent } from './learning-panel.component';
import { periodOf, type PeriodPreset } from './period-presets';

/**
 * Analytics: a period and an account, the report of the trades closed in it (the shared
 * report component), the CSV of those trades, and the learning loop's panel underneath.
 */
@Component({
  selector: 'mc-analytics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, AnalyticsReportComponent, LoadStateComponent, LearningPanelComponent],
  template: `
    <div class="d-flex flex-wrap align-items-end gap-2 mb-3">
      <h1 class="h3 mb-0 me-auto">Analytics</h1>
      <div>
        <label class="form-label small mb-0" for="an-period">Period (exit date)</label>
        <select id="an-period" class="form-select form-select-sm" data-testid="period" [ngModel]="preset()" (ngModelChange)="setPreset($event)">
          <option value="ALL">All time</option>
          <option value="WEEK">This week</option>
          <option value="MONTH">This month</option>
          <option value="LAST_30">Last 30 days</option>
          <option value="CUSTOM">Custom</option>
        </select>
      </div>
      @if (preset() === 'CUSTOM') {
        <div>
          <label class="form-label small mb-0" for="an-from">From</label>
          <input id="an-from" type="date" class="form-control form-control-sm" data-testid="from" [ngModel]="customFrom()" (ngModelChange)="customFrom.set($event); apply()" />
        </div>
        <div>
          <label class="form-label small mb-0" for="an-to">To</label>
          <input id="an-to" type="date" class="form-control form-control-sm" data-testid="to" [ngModel]="customTo()" (ngModelChange)="customTo.set($event); apply()" />
        </div>
      }
      <div>
        <label class="form-label small mb-0" for="an-account">Account</label>
        <select id="an-account" class="form-select form-select-sm" data-testid="account" [ngModel]="accountId()" (ngModelChange)="accountId.set($event); apply()">
          <option [ngValue]="null">All accounts</option>
          @for (a of accounts.value() ?? []; track a.id) {
            <option [ngValue]="a.id">{{ a.name }}</option>
          }
        </select>
      </div>
      <a class="btn btn-sm btn-outline-secondary" data-testid="csv" [href]="csvUrl()" download>Download trades (CSV)</a>
    </div>
    <p class="small text-secondary">Net of charges, from closed positions. Presets end on today's IST date (wall clock).</p>
    <mc-load-state [loading]="report.loading()" [error]="report.error()" what="the analytics report" (retry)="report.reload()" />
    @if (report.value(); as r) {
      <mc-analytics-report [report]="r" />
    }
    <mc-learning-panel />
  `,
})
export class AnalyticsPage {
  private readonly api = inject(AnalyticsApi);
  private readonly accountsApi = inject(AccountsApi);
  protected readonly accounts = asyncResource(() => this.accountsApi.list());
  protected readonly preset = signal<PeriodPreset>('ALL');
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  protected readonly accountId = signal<number | null>(null);
  private readonly filter = signal<AnalyticsFilter>({});
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.filter()));
  protected readonly report = asyncResource(() => this.api.report(this.filter()));

  protected setPreset(p: PeriodPreset): void {
    this.preset.set(p);
    this.apply();
  }

  /** Recomputes the filter from the controls and reloads (a custom range with from after to waits). */
  protected apply(): void {
    const period = periodOf(this.preset(), istDateOf(Date.now()), { from: this.customFrom(), to: this.customTo() });
    if (period.from && period.to && period.from > period.to) return;
    const f: AnalyticsFilter = { ...period, ...(this.accountId() !== null ? { accountId: this.accountId() as number } : {}) };
    this.filter.set(f);
    void this.report.reload();
  }
}
