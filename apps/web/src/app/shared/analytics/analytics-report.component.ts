import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AnalyticsReport, BreakdownRow } from '@mcube/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { RupeesPipe } from '../ui/rupees.pipe';
import { breakdownOptions, calendarOptions, equityOptions } from './analytics-chart-options';
import { provideAnalyticsCharts } from './provide-analytics-charts';

/** The breakdowns the report shows, in order. */
const BREAKDOWNS: readonly { key: keyof AnalyticsReport & `by${string}`; title: string }[] = [
  { key: 'byStrategy', title: 'By strategy' },
  { key: 'byExitReason', title: 'By exit reason' },
  { key: 'byWeekday', title: 'By weekday (exit)' },
  { key: 'byVixBand', title: 'By VIX at entry' },
  { key: 'byDaysToExpiry', title: 'By days to expiry at entry' },
];

/**
 * An analytics report, presentational only: KPI cards, the equity curve with its drawdown
 * underneath, the daily P&L calendar, the breakdown bars and the target progress. Used by the
 * analytics page (live trades) and by the backtest page (a run's trades): give it `[report]`.
 */
@Component({
  selector: 'mc-analytics-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective, RupeesPipe, PercentPipe, DecimalPipe],
  providers: [provideAnalyticsCharts()],
  templateUrl: './analytics-report.component.html',
  styles: [
    `
      .equity { height: 380px; width: 100%; }
      .calendar { height: 220px; width: 100%; }
      .calendar.narrow { height: 560px; }
      .bars { height: 240px; width: 100%; }
      .kpi .value { font-size: 1.25rem; font-weight: 600; }
    `,
  ],
})
export class AnalyticsReportComponent {
  readonly report = input.required<AnalyticsReport>();
  /** Narrow screens get a vertical calendar (read once: a phone does not change width). */
  protected readonly narrow = typeof window !== 'undefined' && window.innerWidth < 576;
  protected readonly k = computed(() => this.report().kpis);
  protected readonly combined = computed(() => this.report().equity.find((c) => c.accountId === 'ALL') ?? null);
  protected readonly equity = computed(() => equityOptions(this.report()));
  protected readonly calendar = computed(() => calendarOptions(this.report().daily, this.narrow));
  protected readonly breakdowns = computed(() =>
    BREAKDOWNS.map((b) => {
      const rows = this.report()[b.key] as readonly BreakdownRow[];
      return { ...b, rows, options: breakdownOptions(rows) };
    }),
  );
}
