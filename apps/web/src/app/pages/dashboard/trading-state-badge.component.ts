import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TradingState } from './dashboard.api';

const CLASS: Record<TradingState, string> = { ACTIVE: 'text-bg-success', REDUCING: 'text-bg-warning', HALTED: 'text-bg-danger' };

/** ACTIVE (green) / REDUCING (amber) / HALTED (red). */
@Component({
  selector: 'mc-trading-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'badge ' + cls[state()]" [attr.data-testid]="testId()" [attr.data-state]="state()">{{ state() }}</span>`,
})
export class TradingStateBadgeComponent {
  readonly state = input.required<TradingState>();
  readonly testId = input<string | null>(null);
  protected readonly cls = CLASS;
}
