import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PositionMetricsResponse } from '@mcube/contracts';
import { indian } from '../../shared/ui/indian-number';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/**
 * The position as Sensibull shows it: max profit / loss, probability of profit, premium and %
 * kept, margin and return on it, days to expiry, the net greeks in ₹, spot's cushion to each
 * short strike, progress to the target and to the stop, and the exit rule that applies next.
 */
@Component({
  selector: 'mc-position-risk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, RupeesPipe],
  templateUrl: './position-risk.component.html',
  styles: [`.figure { font-variant-numeric: tabular-nums; } .progress { height: 0.6rem; }`],
})
export class PositionRiskComponent {
  readonly metrics = input.required<PositionMetricsResponse>();
  readonly spot = input<number | null>(null);
  protected readonly indian = indian;
  protected readonly rule = computed(() => this.metrics().nextExitRule);
  /** Rupees with a sign, Indian grouping ('+₹422.50 / day'). */
  protected signedRupees(v: number, digits = 0): string {
    return `${v > 0 ? '+' : v < 0 ? '−' : ''}₹${indian(Math.abs(v), digits)}`;
  }
}
