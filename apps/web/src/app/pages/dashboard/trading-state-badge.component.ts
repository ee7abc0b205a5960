import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TradingStateCauseCode } from '@mcube/contracts';
import type { TradingState } from './dashboard.api';

const CLASS: Record<TradingState, string> = { ACTIVE: 'text-bg-success', REDUCING: 'text-bg-warning', HALTED: 'text-bg-danger' };

/** How each cause reads on the console. */
export const CAUSE_LABEL: Record<TradingStateCauseCode, string> = {
  KILL_SWITCH_HALTED: 'kill switch',
  KILL_SWITCH_REDUCING: 'kill switch',
  UNRECONCILED: 'not reconciled yet',
  RECONCILIATION_MISMATCH: 'reconciliation mismatch',
  BREAKER_TRIPPED: 'breaker tripped',
  ACCOUNT_INACTIVE: 'account deactivated',
};

/** The effective state, ACTIVE (green) / REDUCING (amber) / HALTED (red), and why when it is not ACTIVE. */
@Component({
  selector: 'mc-trading-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'badge ' + cls[state()]" [attr.data-testid]="testId()" [attr.data-state]="state()" [attr.title]="why() || null">{{ state() }}</span>
    @if (why(); as w) {
      <span class="small text-secondary" [attr.data-testid]="testId() ? testId() + '-causes' : null">{{ w }}</span>
    }`,
})
export class TradingStateBadgeComponent {
  readonly state = input.required<TradingState>();
  readonly causes = input<readonly TradingStateCauseCode[]>([]);
  readonly testId = input<string | null>(null);
  protected readonly cls = CLASS;
  protected readonly why = computed(() => [...new Set(this.causes().map((c) => CAUSE_LABEL[c]))].join(', '));
}
