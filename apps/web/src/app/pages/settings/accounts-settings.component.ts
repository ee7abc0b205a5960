import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { AuthService } from '../../core/auth/auth.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { CredentialsFormComponent } from './credentials-form.component';
import { IciciSessionFormComponent } from './icici-session-form.component';
import { LiveModeCardComponent } from './live-mode-card.component';

/** Broker accounts with their stored credential fields (masked) and, for admins, the write-only form. */
@Component({
  selector: 'mc-accounts-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, LoadStateComponent, RupeesPipe, CredentialsFormComponent, IciciSessionFormComponent, LiveModeCardComponent],
  template: `
    <mc-load-state [loading]="accounts.loading()" [error]="accounts.error()" what="accounts" (retry)="accounts.reload()" />
    @for (a of accounts.value() ?? []; track a.id) {
      <section class="card shadow-sm mb-3">
        <div class="card-body">
          <div class="d-flex flex-wrap gap-2 align-items-center mb-2">
            <h2 class="h6 mb-0 me-auto">{{ a.name }}</h2>
            <span class="badge text-bg-light border">{{ a.broker }} · {{ a.accountNumber }}</span>
            <span class="badge" [class.text-bg-warning]="a.isPaperTrading" [class.text-bg-danger]="!a.isPaperTrading">{{ a.isPaperTrading ? 'Paper' : 'LIVE' }}</span>
          </div>
          <p class="small text-secondary mb-2">Allocated capital {{ a.allocatedCapitalPaise | rupees }}</p>
          <h3 class="h6 small fw-semibold">Broker credentials</h3>
          <ul class="list-unstyled small mb-3" [attr.data-testid]="'masked-' + a.broker">
            @for (f of a.requiredCredentialFields; track f) {
              @let stored = storedField(a.credentialFields, f);
              <li class="d-flex gap-2">
                <code class="me-auto">{{ f }}</code>
                @if (stored) {
                  <span>{{ stored.masked }}</span><span class="text-secondary">set {{ stored.updatedAt | date: 'dd MMM yyyy' : '+0530' }}</span>
                } @else {
                  <span class="text-secondary">not set</span>
                }
              </li>
            }
          </ul>
          @if (auth.isAdmin()) {
            <mc-credentials-form [account]="a" (saved)="accounts.reload()" />
          } @else {
            <p class="small text-secondary mb-0">Only an admin can replace broker credentials.</p>
          }
          @if (a.broker === 'ICICI' && a.hasCredentials) {
            <hr />
            <mc-icici-session-form [account]="a" />
          }
          <hr />
          <mc-live-mode-card [account]="a" (switched)="accounts.reload()" />
        </div>
      </section>
    }
  `,
})
export class AccountsSettingsComponent {
  private readonly api = inject(AccountsApi);
  protected readonly auth = inject(AuthService);
  protected readonly accounts = asyncResource(() => this.api.list());

  protected storedField(fields: readonly { field: string; masked: string; updatedAt: string }[], name: string) {
    return fields.find((f) => f.field === name) ?? null;
  }
}
