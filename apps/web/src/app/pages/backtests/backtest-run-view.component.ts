import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BacktestDetailResponse } from '@mcube/contracts';
import { AnalyticsReportComponent } from '../../shared/analytics/analytics-report.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { monthlyHeat } from './monthly-heat';

/**
 * One completed run: its charts (the shared analytics report: equity with drawdown underneath,
 * daily heat map, exit-reason and weekday breakdowns), the monthly P&L against the target as a
 * heat grid, and the trade list with each trade's legs.
 */
@Component({
  selector: 'mc-backtest-run-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AnalyticsReportComponent, RupeesPipe],
  template: `
    @let d = detail();
    @if (d.analytics) { <mc-analytics-report [report]="d.analytics" /> }

    <h3 class="h6 mt-4">Monthly P&amp;L against the target</h3>
    <div tabindex="0" role="region" aria-label="Monthly net P&amp;L" class="table-responsive">
      <table class="table table-sm table-bordered small text-center mb-1" data-testid="monthly-heat">
        <thead><tr><th>Year</th>@for (m of heat().months; track m) { <th>{{ m }}</th> }</tr></thead>
        <tbody>
          @for (y of heat().years; track y.year) {
            <tr>
              <th>{{ y.year }}</th>
              @for (c of y.cells; track $index) {
                <td [style.background]="c?.color ?? ''" [title]="c ? c.title : ''">{{ c ? (c.netPnlPaise | rupees) : '' }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    <p class="small text-secondary">Green at or above the month's target ({{ heat().targetPaise | rupees }}), amber below it but positive, red a loss.</p>

    <h3 class="h6 mt-4">Trades ({{ d.report?.trades?.length ?? 0 }})</h3>
    <div tabindex="0" role="region" aria-label="Backtest trades" class="table-responsive" style="max-height: 28rem">
      <table class="table table-sm small align-middle" data-testid="backtest-trades">
        <thead class="sticky-top bg-body"><tr><th>Entry</th><th>Exit</th><th>Legs</th><th class="text-end">Gross</th><th class="text-end">Charges</th><th class="text-end">Net</th><th>Exit reason</th></tr></thead>
        <tbody>
          @for (t of d.report?.trades ?? []; track t.positionId) {
            <tr>
              <td class="text-nowrap">{{ t.entryAt.replace('T', ' ') }}</td>
              <td class="text-nowrap">{{ t.exitAt.replace('T', ' ') }}</td>
              <td>
                @for (l of t.legs; track l.instrument) {
                  <div class="text-nowrap"><span class="fw-semibold" [title]="l.instrument">{{ l.name ?? l.instrument }}</span> {{ l.side }} {{ l.quantity }} @ ₹{{ l.entryPrice.toFixed(2) }} → {{ l.exitPrice === null ? '—' : '₹' + l.exitPrice.toFixed(2) }} <span class="badge text-bg-light border">{{ l.priceSource }}</span></div>
                }
              </td>
              <td class="text-end">{{ t.grossPnlPaise | rupees }}</td>
              <td class="text-end">{{ t.chargesPaise | rupees }}</td>
              <td class="text-end" [class.text-danger]="t.netPnlPaise < 0" [class.text-success]="t.netPnlPaise > 0">{{ t.netPnlPaise | rupees }}</td>
              <td><code>{{ t.exitReason }}</code></td>
            </tr>
          } @empty {
            <tr><td colspan="7" class="text-secondary">No trade in this run (see the decisions: every day skipped).</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class BacktestRunViewComponent {
  readonly detail = input.required<BacktestDetailResponse>();
  protected readonly heat = computed(() => monthlyHeat(this.detail().report?.summary.monthly ?? []));
}
