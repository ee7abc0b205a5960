import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PositionDetailResponse } from '@mcube/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { curveCrossings, expiryBreakevens } from './payoff/breakevens';
import { canPriceToday, payoffCurve, priceGrid } from './payoff/payoff';
import { payoffChartOptions } from './payoff/payoff-chart-options';
import { payoffLegsOf } from './payoff/payoff-legs';
import { yearsToExpiry } from './payoff/years-to-expiry';

/** Risk-free rate of the "today" curve: a display assumption (roughly the RBI repo rate). */
const RISK_FREE_RATE = 0.065;

/**
 * The payoff diagram of the open legs: at expiry (exact) and today (Black-Scholes with each
 * leg's IV), spot and the expiry breakevens marked. Realised P&L of closed legs shifts it.
 */
@Component({
  selector: 'mc-payoff-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, NgxEchartsDirective],
  template: `
    <div data-testid="payoff-chart" [attr.data-breakevens]="breakevens().join(',')">
      @if (legs().length === 0) {
        <p class="text-secondary small mb-0">No open leg: nothing left at risk.</p>
      } @else {
        <div echarts class="chart" [options]="options()"></div>
        <div class="small d-flex flex-wrap gap-3 mt-2">
          <span data-testid="payoff-breakevens">Breakevens at expiry:
            @for (b of breakevens(); track b; let last = $last) { <strong>{{ b | number: '1.0-2' }}</strong>{{ last ? '' : ', ' }} } @empty { none }
          </span>
          @if (todayBreakevens(); as t) {
            <span class="text-secondary">today: @for (b of t; track b; let last = $last) { {{ b | number: '1.0-0' }}{{ last ? '' : ', ' }} } @empty { none in range }</span>
          } @else {
            <span class="text-secondary">Today's curve needs every leg's IV (not marked yet).</span>
          }
        </div>
      }
    </div>
  `,
  styles: [`.chart { height: 320px; width: 100%; }`],
})
export class PayoffChartComponent {
  readonly position = input.required<PositionDetailResponse>();
  /** The instant the "today" curve is priced at (epoch ms). */
  readonly nowMs = input.required<number>();

  protected readonly legs = computed(() => payoffLegsOf(this.position()));
  private readonly offset = computed(() => this.position().realizedPnlPaise / 100);
  private readonly grid = computed(() => {
    const strikes = this.legs().flatMap((l) => (l.strike !== null ? [l.strike] : [l.entryPrice]));
    return priceGrid({ spot: this.position().spot, strikes });
  });
  private readonly expiry = computed(() => payoffCurve(this.legs(), this.grid(), null, this.offset()));
  private readonly today = computed(() =>
    canPriceToday(this.legs())
      ? payoffCurve(this.legs(), this.grid(), { years: yearsToExpiry(this.nowMs(), this.position().expiryDate), rate: RISK_FREE_RATE }, this.offset())
      : null,
  );
  protected readonly breakevens = computed(() => expiryBreakevens(this.legs(), this.offset()));
  protected readonly todayBreakevens = computed(() => {
    const t = this.today();
    return t ? curveCrossings(t) : null;
  });
  protected readonly options = computed(() => payoffChartOptions({ expiry: this.expiry(), today: this.today(), spot: this.position().spot, breakevens: this.breakevens() }));
}
