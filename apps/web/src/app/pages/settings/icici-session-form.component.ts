import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import type { AccountResponse } from '@mcube/contracts';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';

/**
 * The ICICI account's day session (issue 15): ICICI's login link (a person logs in there and is
 * shown the day's API session key) and the field that takes that key. The key is exchanged by the
 * API through ICICI and stored encrypted; it is never shown again. Without it by 09:10 IST the
 * account cannot go LIVE that day.
 */
@Component({
  selector: 'mc-icici-session-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="h6 small fw-semibold">ICICI day session</h3>
    @let s = status.value();
    @if (status.error()) {
      <div class="alert alert-warning py-2 small" role="alert">{{ status.error() }}</div>
    } @else if (s) {
      <p class="small mb-2" [attr.data-testid]="'icici-session-state-' + account().id">
        @if (s.hasSessionToday) {
          <span class="badge text-bg-success">Session of {{ s.today }} entered</span> <span class="text-secondary">{{ s.session }}</span>
        } @else {
          <span class="badge text-bg-warning">No session key for {{ s.today }}</span>
          <span class="text-secondary">The account cannot go LIVE today without it (WARNING at 08:45, CRITICAL at 09:10 IST).</span>
        }
      </p>
      @if (s.loginUrl && auth.canWrite()) {
        <p class="small mb-2">1. <a [href]="s.loginUrl" target="_blank" rel="noopener noreferrer">Open ICICI's login page</a>, log in, copy the API session key it shows.</p>
        <form (submit)="$event.preventDefault(); submit()" novalidate autocomplete="off" class="d-flex flex-wrap gap-2 align-items-start">
          <label class="visually-hidden" [for]="'icici-key-' + account().id">Today's API session key</label>
          <input class="form-control form-control-sm w-auto" type="password" inputmode="numeric" [id]="'icici-key-' + account().id" placeholder="2. Paste the session key" autocomplete="off" [value]="key()" (input)="key.set($any($event.target).value)" [class.is-invalid]="!!error()" />
          <button type="submit" class="btn btn-sm btn-primary" [disabled]="saving() || key().trim() === ''">Use this key</button>
          @if (error()) { <div class="invalid-feedback d-block w-100">{{ error() }}</div> }
        </form>
      } @else if (s.problem) {
        <p class="small text-secondary mb-0">{{ s.problem }}</p>
      } @else {
        <p class="small text-secondary mb-0">A trader or an admin enters the day's key.</p>
      }
    }
  `,
})
export class IciciSessionFormComponent implements OnInit {
  private readonly api = inject(AccountsApi);
  private readonly notifier = inject(Notifier);
  readonly account = input.required<AccountResponse>();
  protected readonly auth = inject(AuthService);
  // Loaded in ngOnInit: the account input is not set while fields initialise.
  protected readonly status = asyncResource(() => this.api.iciciSession(this.account().id), { immediate: false });
  protected readonly key = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);

  ngOnInit(): void {
    void this.status.reload();
  }

  protected async submit(): Promise<void> {
    const key = this.key().trim();
    if (!/^[A-Za-z0-9]{4,64}$/.test(key)) {
      this.error.set('The session key is the letters and digits ICICI shows after login.');
      return;
    }
    this.error.set(null);
    this.saving.set(true);
    try {
      await this.api.putIciciSession(this.account().id, key);
      this.key.set('');
      this.notifier.success('ICICI: the day session is stored (encrypted).');
      void this.status.reload();
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.saving.set(false);
    }
  }
}
