import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { NgbActiveModal } from '@ng-bootstrap/ng-bootstrap';
import { messageOf } from '../../core/api/api-error';
import { reasonProblem } from '../../shared/ui/reason';
import { DashboardApi, type KillSwitchResult, type TradingState } from './dashboard.api';

const EFFECT: Record<TradingState, string> = {
  HALTED: 'Nothing but cancels leaves: no entry, no exit by the strategy.',
  REDUCING: 'Only orders that reduce a position the broker confirms leave (exits); no new entries.',
  ACTIVE: 'Normal trading: the strategies may enter and exit again.',
};

/** The kill switch confirmation: state, scope (one account, or all: tightening for a trader, anything for an admin) and a required reason. Closes with the API's answer. */
@Component({
  selector: 'mc-kill-switch-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="modal-header">
      <h2 class="modal-title h5" id="kill-switch-title">Kill switch</h2>
      <button type="button" class="btn-close" aria-label="Close" (click)="modal.dismiss()"></button>
    </div>
    <form class="modal-body vstack gap-3" (submit)="$event.preventDefault(); confirm()">
      <fieldset>
        <legend class="form-label fs-6">New trading state</legend>
        @for (s of states(); track s) {
          <div class="form-check">
            <input class="form-check-input" type="radio" name="ks-state" [id]="'ks-' + s" [checked]="state() === s" (change)="state.set(s)" [attr.data-testid]="'kill-switch-state-' + s" />
            <label class="form-check-label" [for]="'ks-' + s"><strong>{{ s }}</strong> <span class="text-secondary small">{{ effect[s] }}</span></label>
          </div>
        }
      </fieldset>
      <div>
        <label class="form-label" for="ks-scope">Accounts</label>
        <select id="ks-scope" class="form-select" data-testid="kill-switch-scope" (change)="setScope($any($event.target).value)">
          @if (allowAll()) {
            <option value="all" [selected]="scope() === 'all'">All accounts</option>
          }
          @for (a of accounts(); track a.accountId) {
            <option [value]="a.accountId" [selected]="scope() === '' + a.accountId">{{ a.name }} ({{ a.broker }}, switch {{ a.killSwitch.state }}, trading {{ a.tradingState }})</option>
          }
        </select>
      </div>
      <div>
        <label class="form-label" for="ks-reason">Reason (kept in the audit log)</label>
        <textarea id="ks-reason" class="form-control" rows="2" data-testid="kill-switch-reason" [class.is-invalid]="touched() && problem()" [value]="reason()" (input)="reason.set($any($event.target).value)" (blur)="touched.set(true)"></textarea>
        @if (touched() && problem(); as p) {
          <div class="invalid-feedback d-block">{{ p }}</div>
        }
      </div>
      @if (error(); as e) {
        <div class="alert alert-danger mb-0" role="alert">{{ e }}</div>
      }
    </form>
    <div class="modal-footer">
      <button type="button" class="btn btn-outline-secondary" (click)="modal.dismiss()">Cancel</button>
      <button type="button" class="btn" [class.btn-danger]="state() !== 'ACTIVE'" [class.btn-success]="state() === 'ACTIVE'" data-testid="kill-switch-confirm" [disabled]="busy()" (click)="confirm()">
        @if (busy()) { <span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span> }
        Set {{ state() }} for {{ scopeLabel() }}
      </button>
    </div>
  `,
})
export class KillSwitchModalComponent {
  protected readonly modal = inject(NgbActiveModal);
  private readonly api = inject(DashboardApi);
  /** Lifting every account at once is an admin's only; a trader may tighten them all (a panic halt). */
  protected readonly states = computed<readonly TradingState[]>(() => (this.scope() === 'all' && !this.mayLiftAll() ? ['HALTED', 'REDUCING'] : ['HALTED', 'REDUCING', 'ACTIVE']));
  protected readonly effect = EFFECT;
  /** Set by the opener: the accounts to choose from, and the preselection. */
  readonly accounts = signal<readonly AccountSummaryResponse[]>([]);
  /** Every account at once: anyone who may trade (to tighten); lifting them all: an admin (`mayLiftAll`). */
  readonly allowAll = signal(false);
  readonly mayLiftAll = signal(false);
  readonly state = signal<TradingState>('HALTED');
  /** 'all' or an account id as text (the select's value). */
  readonly scope = signal('all');
  protected readonly reason = signal('');
  protected readonly touched = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly problem = computed(() => reasonProblem(this.reason()));
  protected readonly scopeLabel = computed(() => (this.scope() === 'all' ? 'all accounts' : (this.accounts().find((a) => String(a.accountId) === this.scope())?.name ?? 'the account')));

  protected setScope(scope: string): void {
    this.scope.set(scope);
    if (!this.states().includes(this.state())) this.state.set('HALTED');
  }

  protected async confirm(): Promise<void> {
    this.touched.set(true);
    if (this.problem() || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const accountId = this.scope() === 'all' ? null : Number(this.scope());
      const result: KillSwitchResult = await this.api.killSwitch(this.state(), this.reason().trim(), accountId);
      this.modal.close(result);
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
