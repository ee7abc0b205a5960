import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PositionDetailResponse } from '@mcube/contracts';
import { yearsToExpiryClose } from '@mcube/domain/pricing';
import { NgxEchartsDirective } from 'ngx-echarts';
import { IndianPipe } from '../../shared/ui/indian.pipe';
import { curveCrossings, expiryBreakevens } from './payoff/breakevens';
import { canPriceToday, payoffCurve, priceGrid } from './payoff/payoff';
import { payoffChartOptions } from './payoff/payoff-chart-options';
import { payoffLegsOf } from './payoff/payoff-legs';
import { payoffAxisFloor, readableLevels, sigmaBands } from './payoff/sigma-bands';

/** Risk-free rate of the "today" curve: a display assumption (roughly the RBI repo rate). */
const RISK_FREE_RATE = 0.065;

/**
 * The payoff diagram of the open legs: at expiry (exact, profit and loss shaded) and today
 * (Black-Scholes with each leg's IV), spot and the expiry breakevens marked, the ±1σ/±2σ
 * settlement bands from the position's IV. Realised P&L of closed legs shifts it. The range
 * covers strikes, breakevens and the 2σ band; the loss axis stops at 3× the best profit.
 */
@Component({
  selector: 'mc-payoff-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IndianPipe, NgxEchartsDirective],
  template: `
    <div data-testid="payoff-chart" [attr.data-breakevens]="breakevens().join(',')">
      @if (legs().length === 0) {
        <p class="text-body-secondary small mb-0">No open leg: nothing left at risk.</p>
      } @else {
        <div echarts class="chart" role="img" [attr.aria-label]="'Payoff diagram: P&L at expiry against the underlying' + (bands() ? ', with ±1σ and ±2σ bands' : '')" [options]="options()"></div>
        <div class="small d-flex flex-wrap gap-3 mt-2">
          <span data-testid="payoff-breakevens">Breakevens at expiry:
            @for (b of breakevens(); track b; let last = $last) { <strong>{{ b | indian: 0 }}</strong>{{ last ? '' : ', ' }} } @empty { none }
          </span>
          @if (bands(); as b) {
            <span class="text-body-secondary" data-testid="payoff-sigma">±1σ {{ b.oneLow | indian }}–{{ b.oneHigh | indian }} · ±2σ {{ b.twoLow | indian }}–{{ b.twoHigh | indian }}</span>
          }
          @if (todayBreakevens(); as t) {
            <span class="text-body-secondary">today: @for (b of t; track b; let last = $last) { {{ b | indian }}{{ last ? '' : ', ' }} } @empty { none in range }</span>
          } @else {
            <span class="text-body-secondary">Today's curve needs every leg's IV (not marked yet).</span>
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
  protected readonly bands = computed(() => sigmaBands(this.position().spot, this.position().metrics.vol, this.position().metrics.yearsToExpiry));
  private readonly grid = computed(() => {
    const strikes = this.legs().flatMap((l) => (l.strike !== null ? [l.strike] : [l.entryPrice]));
    const levels = readableLevels({ strikes, breakevens: this.breakevens(), spot: this.position().spot, bands: this.bands() });
    return priceGrid({ spot: this.position().spot, strikes: levels, marginPct: 0.015 });
  });
  private readonly expiry = computed(() => payoffCurve(this.legs(), this.grid(), null, this.offset()));
  private readonly today = computed(() =>
    canPriceToday(this.legs())
      ? payoffCurve(this.legs(), this.grid(), { years: yearsToExpiryClose(this.nowMs(), this.position().expiryDate), rate: RISK_FREE_RATE }, this.offset())
      : null,
  );
  protected readonly breakevens = computed(() => expiryBreakevens(this.legs(), this.offset()));
  protected readonly todayBreakevens = computed(() => {
    const t = this.today();
    return t ? curveCrossings(t) : null;
  });
  protected readonly options = computed(() =>
    payoffChartOptions({ expiry: this.expiry(), today: this.today(), spot: this.position().spot, breakevens: this.breakevens(), bands: this.bands(), yMin: payoffAxisFloor(this.expiry().map((p) => p.pnl)) }),
  );
}
