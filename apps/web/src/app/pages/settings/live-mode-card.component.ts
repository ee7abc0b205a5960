import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import type { AccountResponse, LiveModeCheckResponse } from '@mcube/contracts';
import { ApiError, messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LiveModeApi } from './live-mode.api';

/** The checks' names in words (the API's detail follows each). CONFIRMATION is the typed box below the list. */
const CHECK_LABELS: Readonly<Record<string, string>> = {
  LIVE_TRADING_ENABLED: 'Live trading enabled on the server',
  BROKER_SUPPORTED: 'Live adapter for the broker',
  ACCOUNT_ACTIVE: 'Account active',
  CREDENTIALS: 'Broker credentials stored',
  LOGIN_TODAY: 'Broker login today',
  MASTER_TODAY: "Today's instrument master",
  JOURNAL_FLAT: 'mCube has nothing open on the account',
  BROKER_RECONCILED: "The broker's book is flat, as mCube's",
};

/**
 * The guarded PAPER ↔ LIVE switch of one account (issues 14 §3, 15): the checklist the API
 * evaluates (GET …/live-mode) and, for an admin, the typed words that confirm a switch. The
 * server re-checks everything on the switch and names each failed check; the page never decides
 * alone. Going back to PAPER needs typed words too (the server always allows it): the broker's
 * open positions are not touched and stay monitored from the broker's book until flat.
 * Non-admins see the mode only: the checklist reads the broker's book and is an admin's tool.
 */
@Component({
  selector: 'mc-live-mode-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="h6 small fw-semibold" [id]="'live-mode-title-' + account().id">Live trading</h3>
    @if (!auth.isAdmin()) {
      <p class="small text-secondary mb-0" [attr.data-testid]="'live-mode-viewer-' + account().id">
        This account trades {{ account().isPaperTrading ? 'on PAPER' : 'LIVE at the broker' }}. Only an admin can see the live checklist and switch the mode.
      </p>
    } @else {
      @let s = status.value();
      @if (status.error()) {
        <div class="alert alert-warning py-2 small d-flex flex-wrap gap-2 align-items-center" role="alert">
          <span class="me-auto">The live checklist could not be read: {{ status.error() }}</span>
          <button type="button" class="btn btn-sm btn-outline-secondary" (click)="status.reload()">Retry</button>
        </div>
      } @else if (!s) {
        <p class="small text-secondary mb-0" role="status">Reading the live checklist…</p>
      } @else {
        <div [attr.data-testid]="'live-mode-' + account().id" [attr.aria-labelledby]="'live-mode-title-' + account().id" role="group">
          <p class="small mb-2">
            Mode <span class="badge" [class.text-bg-warning]="s.mode === 'PAPER'" [class.text-bg-danger]="s.mode === 'LIVE'" data-testid="live-mode-state">{{ s.mode }}</span>
            @if (s.mode === 'PAPER') {
              <span class="text-secondary ms-1">{{ unmet().length === 0 ? 'Every condition of going live is met.' : unmet().length + ' of ' + listed().length + ' conditions of going live not met.' }}</span>
            }
          </p>
          <ul class="list-unstyled small mb-2 live-checks" data-testid="live-mode-checks">
            @for (c of listed(); track c.name) {
              <li class="d-flex gap-2 align-items-start py-1 border-bottom" [attr.data-testid]="'live-check-' + c.name" [attr.data-ok]="c.ok">
                <span class="badge flex-shrink-0" [class.text-bg-success]="c.ok" [class.text-bg-secondary]="!c.ok">{{ c.ok ? 'Met' : 'Not met' }}</span>
                <!-- Flex gap, not a space: the template compiler drops whitespace between elements. -->
                <span class="d-flex flex-wrap column-gap-2 text-break"><span class="fw-semibold">{{ label(c) }}</span><span class="text-secondary">{{ c.detail }}</span></span>
              </li>
            }
          </ul>
          @if (refusal().length > 0) {
            <div class="alert alert-danger py-2 small" role="alert" data-testid="live-mode-refusal">
              <p class="mb-1 fw-semibold">The account stays on {{ s.mode }}. The server refused the switch:</p>
              <ul class="mb-0 ps-3">
                @for (m of refusal(); track m) { <li class="text-break">{{ m }}</li> }
              </ul>
            </div>
          }
          @let target = s.mode === 'PAPER' ? 'LIVE' : 'PAPER';
          @let words = wordsFor(target, s.confirmationText);
          <form (submit)="$event.preventDefault(); submit(target, words)" novalidate autocomplete="off" class="d-flex flex-wrap gap-2 align-items-end">
            <div>
              <label class="form-label small mb-1" [for]="'live-words-' + account().id">
                Type <code class="user-select-all">{{ words }}</code> to switch to {{ target }}
              </label>
              <input class="form-control form-control-sm" type="text" [id]="'live-words-' + account().id" autocomplete="off" spellcheck="false" [value]="typed()" (input)="typed.set($any($event.target).value)" [attr.aria-describedby]="'live-words-help-' + account().id" />
            </div>
            <button type="submit" class="btn btn-sm" [class.btn-danger]="target === 'LIVE'" [class.btn-outline-secondary]="target === 'PAPER'" [disabled]="saving() || typed().trim() !== words" [attr.data-testid]="'live-switch-' + account().id">
              Switch to {{ target }}
            </button>
            <p class="form-text small w-100 mb-0" [id]="'live-words-help-' + account().id">
              @if (target === 'LIVE') {
                Orders of this account will go to {{ account().broker }} with real money. The server checks every condition again and records the switch in the audit log.
              } @else {
                Back to PAPER is always allowed and never touches the broker: open broker positions stay monitored from the broker's book (and are exited there) until flat; new orders go to the paper broker.
              }
            </p>
          </form>
        </div>
      }
    }
  `,
})
export class LiveModeCardComponent implements OnInit {
  private readonly api = inject(LiveModeApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  readonly account = input.required<AccountResponse>();
  /** Emits after a switch so the account list shows the new mode. */
  readonly switched = output<'PAPER' | 'LIVE'>();
  // Loaded in ngOnInit: the account input is not set while fields initialise.
  protected readonly status = asyncResource(() => this.api.status(this.account().id), { immediate: false });
  protected readonly typed = signal('');
  protected readonly saving = signal(false);
  protected readonly refusal = signal<readonly string[]>([]);
  protected readonly listed = computed(() => (this.status.value()?.checks ?? []).filter((c) => c.name !== 'CONFIRMATION'));
  protected readonly unmet = computed(() => this.listed().filter((c) => !c.ok));

  ngOnInit(): void {
    if (this.auth.isAdmin()) void this.status.reload();
  }

  protected label(c: LiveModeCheckResponse): string {
    if (c.name === 'LOGIN_TODAY' && this.account().broker === 'ICICI') return "ICICI day session key entered";
    return CHECK_LABELS[c.name] ?? c.name;
  }

  /** LIVE: the API's words (`LIVE <account number>`); PAPER: the same form, checked here only. */
  protected wordsFor(target: 'PAPER' | 'LIVE', confirmationText: string): string {
    return target === 'LIVE' ? confirmationText : `PAPER ${this.account().accountNumber}`;
  }

  protected async submit(target: 'PAPER' | 'LIVE', words: string): Promise<void> {
    if (this.typed().trim() !== words) return;
    this.saving.set(true);
    this.refusal.set([]);
    try {
      const answer = await this.api.switchMode(this.account().id, target, target === 'LIVE' ? words : undefined);
      this.status.value.set(answer);
      this.typed.set('');
      this.notifier.success(`${this.account().name}: now ${answer.mode}.`);
      this.switched.emit(answer.mode);
    } catch (err) {
      this.refusal.set(err instanceof ApiError ? err.messages : [messageOf(err)]);
      void this.status.reload();
    } finally {
      this.saving.set(false);
    }
  }
}
