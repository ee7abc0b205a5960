import { DestroyRef, ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AccountSummaryResponse, ExitAllAccountProgress } from '@mcube/contracts';
import { NgbActiveModal } from '@ng-bootstrap/ng-bootstrap';
import { messageOf } from '../core/api/api-error';
import { LiveSocketService } from '../core/live/live-socket.service';
import { reasonProblem } from '../shared/ui/reason';
import { ExitAllApi } from './exit-all.api';
import { isFlat, withOrderEvent, withPositionEvent, withRiskEvent } from './exit-all-progress';

/**
 * "Exit all and halt": the choice of account(s) and a required reason, then the progress leg by
 * leg (live: `position.updated`, `order.updated`, `risk.state`) until every leg is flat and the
 * account HALTED. Opened while an earlier request still waits for flat (stored by the API, so
 * also after a restart), it shows that progress first.
 */
@Component({
  selector: 'mc-exit-all-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="modal-header">
      <h2 class="modal-title h5" id="exit-all-title">Exit all and halt</h2>
      <button type="button" class="btn-close" aria-label="Close" (click)="modal.dismiss()"></button>
    </div>
    @if (progress(); as accounts) {
      <div class="modal-body vstack gap-3" data-testid="exit-all-progress">
        @if (resumed()) { <p class="mb-0 small" data-testid="exit-all-resumed">Still flattening (asked earlier{{ resumedReason() ? ': ' + resumedReason() : '' }}); the account is halted once every leg is flat.</p> }
        @for (a of accounts; track a.accountId) {
          <section [attr.data-testid]="'exit-all-account-' + a.accountId" [attr.aria-label]="nameOf(a.accountId)">
            <div class="d-flex align-items-center gap-2 mb-1">
              <strong>{{ nameOf(a.accountId) }}</strong>
              <span class="badge" [class.text-bg-danger]="a.tradingState === 'HALTED'" [class.text-bg-warning]="a.tradingState !== 'HALTED'" [attr.data-testid]="'exit-all-state-' + a.accountId">{{ a.tradingState }}</span>
              @if (a.halted) { <span class="text-success-emphasis small fw-semibold" [attr.data-testid]="'exit-all-done-' + a.accountId">Flat and halted</span> }
              @else if (!isFlat(a)) { <span class="small text-secondary">exiting…</span> }
            </div>
            @for (p of a.positions; track p.positionId) {
              @if (p.denial) { <div class="alert alert-danger py-1 small mb-1" role="alert">Position #{{ p.positionId }}: {{ p.denial }}</div> }
              <ul class="list-group list-group-flush small">
                @for (l of p.legs; track l.legId) {
                  <li class="list-group-item d-flex flex-wrap gap-2 px-0" [attr.data-testid]="'exit-all-leg-' + l.legId" [attr.data-open]="l.openQuantity">
                    <span class="fw-semibold" [title]="l.tradingSymbol">{{ l.name }}</span>
                    <span class="ms-auto">
                      @if (l.openQuantity === 0) { <span class="badge text-bg-success">flat</span> }
                      @else { {{ l.openQuantity }} open · exit {{ l.exitOrders.length ? l.exitOrders[l.exitOrders.length - 1].status : 'not sent' }} }
                    </span>
                  </li>
                }
              </ul>
            } @empty {
              <div class="small text-secondary">No open position.</div>
            }
          </section>
        }
      </div>
      <div class="modal-footer">
        @if (resumed()) {
          <!-- Opened on a halt still waiting for flat: another account can still be flattened. -->
          <button type="button" class="btn btn-outline-danger me-auto" data-testid="exit-all-new" (click)="progress.set(null); resumed.set(false)">Exit all and halt another…</button>
        }
        <button type="button" class="btn btn-secondary" data-testid="exit-all-close" (click)="modal.close(accounts)">Close</button>
      </div>
    } @else {
      <form class="modal-body vstack gap-3" (submit)="$event.preventDefault(); confirm()">
        <p class="mb-0">Every open leg is closed at the market <strong>through the order gateway</strong>: the account goes REDUCING (no new entry) until it is flat, then HALTED (nothing but cancels).</p>
        <div>
          <label class="form-label" for="exit-all-scope">Accounts</label>
          <select id="exit-all-scope" class="form-select" data-testid="exit-all-scope" (change)="scope.set($any($event.target).value)">
            <option value="all" [selected]="scope() === 'all'">All accounts</option>
            @for (a of accounts(); track a.accountId) {
              <option [value]="a.accountId" [selected]="scope() === '' + a.accountId">{{ a.name }} ({{ a.broker }}, {{ a.isPaperTrading ? 'paper' : 'LIVE' }})</option>
            }
          </select>
        </div>
        <div>
          <label class="form-label" for="exit-all-reason">Reason (kept in the audit log)</label>
          <textarea id="exit-all-reason" class="form-control" rows="2" data-testid="exit-all-reason" [class.is-invalid]="touched() && problem()" [value]="reason()" (input)="reason.set($any($event.target).value)" (blur)="touched.set(true)"></textarea>
          @if (touched() && problem(); as p) { <div class="invalid-feedback d-block">{{ p }}</div> }
        </div>
        @if (error(); as e) { <div class="alert alert-danger mb-0" role="alert">{{ e }}</div> }
      </form>
      <div class="modal-footer">
        <button type="button" class="btn btn-outline-secondary" (click)="modal.dismiss()">Cancel</button>
        <button type="button" class="btn btn-danger" data-testid="exit-all-confirm" [disabled]="busy()" (click)="confirm()">
          @if (busy()) { <span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span> }
          Exit all and halt {{ scopeLabel() }}
        </button>
      </div>
    }
  `,
})
export class ExitAllModalComponent {
  protected readonly modal = inject(NgbActiveModal);
  private readonly api = inject(ExitAllApi);
  /** Set by the opener. */
  readonly accounts = signal<readonly AccountSummaryResponse[]>([]);
  readonly scope = signal('all');
  protected readonly reason = signal('');
  protected readonly touched = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly progress = signal<ExitAllAccountProgress[] | null>(null);
  /** Opened on halts that were already waiting for flat (asked earlier, maybe before an API restart). */
  protected readonly resumed = signal(false);
  protected readonly resumedReason = signal('');
  protected readonly problem = computed(() => reasonProblem(this.reason()));
  protected readonly scopeLabel = computed(() => (this.scope() === 'all' ? 'all accounts' : (this.accounts().find((a) => String(a.accountId) === this.scope())?.name ?? '')));
  protected readonly isFlat = isFlat;

  constructor() {
    const live = inject(LiveSocketService);
    const destroyRef = inject(DestroyRef);
    const follow = <T>(source: ReturnType<LiveSocketService['on']>, apply: (p: ExitAllAccountProgress[], e: T) => ExitAllAccountProgress[]) =>
      source.pipe(takeUntilDestroyed(destroyRef)).subscribe((e) => this.progress.update((p) => p && apply(p, e as T)));
    follow(live.on('position.updated'), withPositionEvent);
    follow(live.on('order.updated'), withOrderEvent);
    follow(live.on('risk.state'), withRiskEvent);
    void this.showWaiting();
  }

  /** A halt still waiting for flat is shown first: its legs' progress, not a second request. */
  private async showWaiting(): Promise<void> {
    try {
      const waiting = await this.api.waiting();
      if (waiting.accounts.length === 0 || this.progress() || this.busy()) return;
      this.resumedReason.set(waiting.reason);
      this.resumed.set(true);
      this.progress.set(waiting.accounts);
    } catch {
      // Not shown: the form still works, and the status bar shows a REDUCING account in red.
    }
  }

  protected nameOf(accountId: number): string {
    return this.accounts().find((a) => a.accountId === accountId)?.name ?? `Account ${accountId}`;
  }

  protected async confirm(): Promise<void> {
    this.touched.set(true);
    if (this.problem() || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await this.api.exitAllAndHalt(this.reason().trim(), this.scope() === 'all' ? null : Number(this.scope()));
      this.resumed.set(false);
      this.progress.set(result.accounts);
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
