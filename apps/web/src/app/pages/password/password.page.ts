import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { Notifier } from '../../core/notify/notifier.service';

function sameAsNew(group: AbstractControl): ValidationErrors | null {
  const g = group.value as { newPassword: string; repeat: string };
  return g.repeat && g.newPassword !== g.repeat ? { mismatch: true } : null;
}

/**
 * The user's own password (any role). The API ends every session of the user and revokes their
 * API keys on success, so the page forgets the session and asks for a login with the new password.
 */
@Component({
  selector: 'mc-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  template: `
    <h1 class="h3 mb-3">Change password</h1>
    <form class="card card-body shadow-sm form-narrow" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @if (error()) { <div class="alert alert-danger py-2" role="alert">{{ error() }}</div> }
      <label class="form-label small mb-1" for="current">Current password</label>
      <input id="current" type="password" class="form-control mb-3" formControlName="currentPassword" autocomplete="current-password" />
      <label class="form-label small mb-1" for="new">New password</label>
      <input id="new" type="password" class="form-control" formControlName="newPassword" autocomplete="new-password" [class.is-invalid]="form.controls.newPassword.invalid && form.controls.newPassword.touched" />
      <div class="invalid-feedback">At least 12 characters</div>
      <label class="form-label small mb-1 mt-3" for="repeat">New password again</label>
      <input id="repeat" type="password" class="form-control" formControlName="repeat" autocomplete="new-password" [class.is-invalid]="form.hasError('mismatch')" />
      <div class="invalid-feedback">The two new passwords differ</div>
      <button type="submit" class="btn btn-primary mt-4" [disabled]="busy() || form.invalid">Change password</button>
      <p class="small text-secondary mt-2 mb-0">Every session of yours ends and your API keys are revoked: you log in again with the new password.</p>
    </form>
  `,
  styles: [`.form-narrow { max-width: 28rem; }`],
})
export class PasswordPage {
  private readonly auth = inject(AuthService);
  private readonly live = inject(LiveSocketService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup(
    {
      currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(12), Validators.maxLength(256)] }),
      repeat: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: sameAsNew },
  );

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { currentPassword, newPassword } = this.form.getRawValue();
      await this.auth.changePassword(currentPassword, newPassword);
      this.live.disconnect();
      this.notifier.success('Password changed: log in with the new one.');
      await this.router.navigate(['/login']);
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
