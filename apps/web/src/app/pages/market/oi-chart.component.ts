import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { OptionChainRowResponse } from '@mcube/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { oiSeries, spotIndex } from './chain-window';

// Only what this chart draws, so the market page's lazy chunk stays small.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const SPOT = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });
const CALL = '#198754';
const PUT = '#dc3545';

/** Open interest by strike, calls against puts, with OI change on demand; spot marked between its strikes (Indian grouping); strike labels thinned to stay readable on a phone. */
@Component({
  selector: 'mc-oi-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts })],
  template: `
    <div class="form-check form-switch small mb-1">
      <input class="form-check-input" type="checkbox" role="switch" id="oi-change" [checked]="showChange()" (change)="showChange.set(!showChange())" />
      <label class="form-check-label" for="oi-change">Show OI change</label>
    </div>
    <div echarts [options]="options()" class="oi-chart" data-testid="oi-chart" role="img" aria-label="Open interest by strike, calls and puts, with spot marked"></div>
  `,
  styles: [`.oi-chart { height: 320px; width: 100%; }`],
})
export class OiChartComponent {
  readonly rows = input.required<readonly OptionChainRowResponse[]>();
  readonly atm = input<number | null>(null);
  readonly spot = input<number | null>(null);
  protected readonly showChange = signal(false);

  protected readonly options = computed<EChartsCoreOption>(() => {
    const s = oiSeries(this.rows());
    const atm = this.atm();
    const bar = (name: string, data: number[], color: string, change = false) => ({ name, type: 'bar', data, itemStyle: { color, opacity: change ? 0.45 : 1 }, barGap: '5%' });
    const series: object[] = [bar('Call OI', s.callOi, CALL), bar('Put OI', s.putOi, PUT)];
    if (this.showChange()) series.push(bar('Call OI chg', s.callOiChange, CALL, true), bar('Put OI chg', s.putOiChange, PUT, true));
    const at = spotIndex(this.rows(), this.spot());
    const spot = this.spot();
    if (at !== null && spot !== null) {
      (series[0] as Record<string, unknown>)['markLine'] = { symbol: 'none', silent: true, label: { formatter: `Spot ${SPOT.format(spot)}`, color: '#0a58ca' }, lineStyle: { type: 'solid', color: '#0a58ca' }, data: [{ xAxis: at }] };
    } else if (atm !== null) {
      (series[0] as Record<string, unknown>)['markLine'] = { symbol: 'none', label: { formatter: 'ATM' }, lineStyle: { type: 'dashed' }, data: [{ xAxis: String(atm) }] };
    }
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: s.strikes, axisLabel: { rotate: 90, interval: 'auto', hideOverlap: true, fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) } },
      series,
    };
  });
}

/** 12,34,567 → 12.3L; 1,23,45,678 → 1.2Cr (Indian units, for the axis only). */
function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e7) return `${(v / 1e7).toFixed(1)}Cr`;
  if (a >= 1e5) return `${(v / 1e5).toFixed(1)}L`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(0)}K`;
  return String(v);
}
