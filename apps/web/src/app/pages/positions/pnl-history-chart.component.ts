import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PositionMarkResponse } from '@mcube/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { pnlHistoryOptions } from './pnl-history-options';

/** A position's P&L over time, from the monitor's marks (and live events since). */
@Component({
  selector: 'mc-pnl-history-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  template: `
    <div data-testid="pnl-history" [attr.data-points]="marks().length">
      @if (marks().length === 0) {
        <p class="text-body-secondary small mb-0">No mark recorded yet.</p>
      } @else {
        <div echarts class="chart" [options]="options()"></div>
      }
    </div>
  `,
  styles: [`.chart { height: 260px; width: 100%; }`],
})
export class PnlHistoryChartComponent {
  readonly marks = input.required<readonly PositionMarkResponse[]>();
  protected readonly options = computed(() => pnlHistoryOptions(this.marks()));
}
