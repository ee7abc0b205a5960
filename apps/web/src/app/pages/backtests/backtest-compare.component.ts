import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BacktestRunResponse } from '@mcube/contracts';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/** Two or more runs' figures side by side (the comparison), one column per run. */
@Component({
  selector: 'mc-backtest-compare',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RupeesPipe, PercentPipe, DecimalPipe],
  template: `
    <div tabindex="0" role="region" aria-label="Runs compared" class="table-responsive">
      <table class="table table-sm small align-middle" data-testid="backtest-compare">
        <thead>
          <tr><th>Figure</th>@for (r of runs(); track r.id) { <th class="text-end">Run #{{ r.id }}<div class="fw-normal text-secondary">{{ r.from }} … {{ r.to }}</div></th> }</tr>
        </thead>
        <tbody>
          <tr><td>Data</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.dataSource === 'SIMULATOR' ? 'simulator #' + r.seed : 'shared history' }}</td> }</tr>
          <tr><td>Parameters</td>@for (r of runs(); track r.id) { <td class="text-end text-break"><code>{{ paramsOf(r) }}</code></td> }</tr>
          <tr><td>Trades</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.summary?.trades ?? '—' }}</td> }</tr>
          <tr><td>Win rate</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.summary ? (r.summary.winRate | percent: '1.0-1') : '—' }}</td> }</tr>
          <tr><td>Profit factor</td>@for (r of runs(); track r.id) { <td class="text-end">{{ fixed(r.summary?.profitFactor) }}</td> }</tr>
          <tr><td>Net P&amp;L</td>@for (r of runs(); track r.id) { <td class="text-end" [class.text-danger]="(r.summary?.netPnlPaise ?? 0) < 0">{{ r.summary?.netPnlPaise | rupees }}</td> }</tr>
          <tr><td>Charges</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.summary?.chargesPaise | rupees }}</td> }</tr>
          <tr><td>Max drawdown</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.summary?.maxDrawdownPaise | rupees }} @if (r.summary) { <span class="text-secondary">({{ r.summary.maxDrawdownPct | number: '1.1-2' }}%)</span> }</td> }</tr>
          <tr><td>Worst week</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.summary?.worstWeekPaise | rupees }}</td> }</tr>
          <tr><td>Best / worst month</td>@for (r of runs(); track r.id) { <td class="text-end">{{ r.summary?.bestMonthPaise | rupees }} / {{ r.summary?.worstMonthPaise | rupees }}</td> }</tr>
          <tr><td>Sharpe / Sortino</td>@for (r of runs(); track r.id) { <td class="text-end">{{ fixed(r.summary?.sharpe) }} / {{ fixed(r.summary?.sortino) }}</td> }</tr>
        </tbody>
      </table>
    </div>
  `,
})
export class BacktestCompareComponent {
  readonly runs = input.required<readonly BacktestRunResponse[]>();

  protected fixed(v: number | null | undefined): string {
    return v === null || v === undefined ? '—' : v.toFixed(2);
  }

  protected paramsOf(r: BacktestRunResponse): string {
    const pairs = Object.entries(r.params).map(([k, v]) => `${k}=${v}`);
    return pairs.length === 0 ? 'defaults' : pairs.join(' ');
  }
}
