import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { NgbModal } from '@ng-bootstrap/ng-bootstrap';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import type { KillSwitchResult, TradingState } from './dashboard.api';
import { DashboardStore } from './dashboard.store';
import { KillSwitchModalComponent } from './kill-switch-modal.component';
import { TradingStateBadgeComponent } from './trading-state-badge.component';

/**
 * Risk state per account (the effective state with its causes), and the kill switch: a trader
 * sets one account, an admin also every account at once (a viewer sees the states). It sets
 * HALTED / REDUCING / ACTIVE after a confirmation with a reason; the cards update from the
 * answer, then from `risk.state`. Lifting a state an admin set needs an admin (the API says so).
 */
@Component({
  selector: 'mc-risk-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TradingStateBadgeComponent],
  template: `
    <section class="card shadow-sm h-100" data-testid="risk-panel">
      <div class="card-header bg-white d-flex flex-wrap align-items-center gap-2">
        <h2 class="h6 mb-0 me-auto">Risk state</h2>
        @if (auth.canWrite()) {
          <button type="button" class="btn btn-sm btn-danger" data-testid="kill-switch-button" (click)="open('HALTED', null)">Kill switch…</button>
        }
      </div>
      <ul class="list-group list-group-flush">
        @for (a of summaries(); track a.accountId) {
          <li class="list-group-item d-flex flex-wrap align-items-center gap-2">
            <span class="me-auto">{{ a.name }}</span>
            @if (a.breaker.tripped) {
              <span class="badge text-bg-danger">Breaker</span>
            }
            <mc-trading-state-badge [state]="a.tradingState" [causes]="a.tradingStateCauses" [testId]="'risk-state-' + a.broker" />
            @if (auth.canWrite()) {
              <button type="button" class="btn btn-sm btn-outline-secondary" [attr.data-testid]="'kill-switch-account-' + a.broker" (click)="open(a.killSwitch.state === 'ACTIVE' ? 'HALTED' : 'ACTIVE', a.accountId)">Change…</button>
            }
          </li>
        }
        <li class="list-group-item small text-secondary">
          Overall: <strong>{{ overall() }}</strong>. HALTED lets nothing but cancels out; REDUCING lets out only exits of positions the broker confirms.
        </li>
      </ul>
    </section>
  `,
})
export class RiskPanelComponent {
  private readonly modals = inject(NgbModal);
  private readonly store = inject(DashboardStore);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  readonly summaries = input.required<readonly AccountSummaryResponse[]>();
  /** The most restrictive state over all accounts. */
  protected readonly overall = computed(() => {
    const states = this.summaries().map((s) => s.tradingState);
    return states.includes('HALTED') ? 'HALTED' : states.includes('REDUCING') ? 'REDUCING' : states.length ? 'ACTIVE' : '—';
  });

  protected async open(state: TradingState, accountId: number | null): Promise<void> {
    const ref = this.modals.open(KillSwitchModalComponent, { backdrop: 'static', ariaLabelledBy: 'kill-switch-title' });
    const modal = ref.componentInstance as KillSwitchModalComponent;
    modal.accounts.set(this.summaries());
    modal.allowAll.set(this.auth.canWrite());
    modal.mayLiftAll.set(this.auth.isAdmin());
    modal.state.set(state);
    modal.scope.set(accountId === null ? 'all' : String(accountId));
    try {
      const result = (await ref.result) as KillSwitchResult;
      this.store.applyKillSwitch(result);
      this.notifier.success(`Trading state set to ${result[0]?.tradingState ?? state} for ${result.length} account(s).`);
    } catch {
      // Dismissed: nothing changed.
    }
  }
}
