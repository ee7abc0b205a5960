import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { AccountResponse } from '@mcube/contracts';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { ApiError, messageOf } from '../../core/api/api-error';
import { messagesByField } from '../../core/api/messages-by-field';
import { Notifier } from '../../core/notify/notifier.service';
import { credentialRule } from './credential-fields';

/**
 * Write-only broker credentials (admin): the inputs start empty, values are sent once and never
 * shown again; the form clears after saving. Every required field must be given together.
 */
@Component({
  selector: 'mc-credentials-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="$event.preventDefault(); submit()" novalidate autocomplete="off" [attr.data-testid]="'credentials-form-' + account().broker">
      @if (formError()) { <div class="alert alert-danger py-2 small" role="alert">{{ formError() }}</div> }
      <div class="row g-2">
        @for (f of account().requiredCredentialFields; track f) {
          @let id = 'cred-' + account().id + '-' + f;
          <div class="col-12 col-sm-6">
            <label class="form-label small mb-1" [for]="id">{{ rule(f).label }}</label>
            <input class="form-control form-control-sm" type="password" [id]="id" autocomplete="new-password" [value]="values()[f] ?? ''" (input)="set(f, $event)" [class.is-invalid]="!!errorOf(f)" />
            @if (errorOf(f)) { <div class="invalid-feedback">{{ errorOf(f) }}</div> }
          </div>
        }
      </div>
      <button type="submit" class="btn btn-sm btn-primary mt-3" [disabled]="saving()">Replace credentials</button>
    </form>
  `,
})
export class CredentialsFormComponent {
  private readonly api = inject(AccountsApi);
  private readonly notifier = inject(Notifier);
  readonly account = input.required<AccountResponse>();
  /** Emits after a successful save so the list can show the new masked fields. */
  readonly saved = output<void>();
  protected readonly values = signal<Partial<Record<string, string>>>({});
  protected readonly serverErrors = signal<Record<string, string[]>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly submitted = signal(false);
  private readonly clientErrors = computed(() => {
    const out: Record<string, string> = {};
    for (const f of this.account().requiredCredentialFields) {
      const v = this.values()[f] ?? '';
      const r = credentialRule(f);
      if (v === '') out[f] = 'Required';
      else if (!r.pattern.test(v)) out[f] = `Must be ${r.message}`;
    }
    return out;
  });

  protected rule = credentialRule;

  protected set(field: string, ev: Event): void {
    const value = (ev.target as HTMLInputElement).value;
    this.values.update((v) => ({ ...v, [field]: value }));
  }

  protected errorOf(field: string): string | null {
    const server = this.serverErrors()[field];
    if (server?.length) return server.join(' · ');
    return this.submitted() ? (this.clientErrors()[field] ?? null) : null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverErrors.set({});
    this.formError.set(null);
    if (Object.keys(this.clientErrors()).length > 0) return;
    this.saving.set(true);
    try {
      await this.api.putCredentials(this.account().id, this.values() as Record<string, string>);
      this.values.set({});
      this.submitted.set(false);
      this.notifier.success(`${this.account().broker}: credentials stored (encrypted).`);
      this.saved.emit();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const byField = messagesByField(err.messages, [...this.account().requiredCredentialFields]);
        this.serverErrors.set(byField);
        if (byField['']) this.formError.set(byField[''].join(' · '));
      } else {
        this.formError.set(messageOf(err));
      }
    } finally {
      this.saving.set(false);
    }
  }
}
