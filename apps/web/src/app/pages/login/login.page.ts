import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';

/** Username/password login; on success returns to the page the user wanted (or the dashboard). */
@Component({
  selector: 'mc-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  template: `
    <main class="login d-flex align-items-center justify-content-center min-vh-100 p-3">
      <form class="card shadow-sm w-100" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <div class="card-body p-4">
          <h1 class="h4 mb-1">mCube</h1>
          <p class="text-secondary small mb-4">Log in to watch and control the trading accounts.</p>
          @if (error()) {
            <div class="alert alert-danger py-2" role="alert" data-testid="login-error">{{ error() }}</div>
          }
          <div class="mb-3">
            <label class="form-label" for="username">Username</label>
            <input id="username" class="form-control" formControlName="username" autocomplete="username" autofocus />
          </div>
          <div class="mb-4">
            <label class="form-label" for="password">Password</label>
            <input id="password" type="password" class="form-control" formControlName="password" autocomplete="current-password" />
          </div>
          <button type="submit" class="btn btn-primary w-100" [disabled]="busy() || form.invalid">
            @if (busy()) { <span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span> }
            Log in
          </button>
        </div>
      </form>
    </main>
  `,
  styles: [`.login form { max-width: 24rem; }`],
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  /** Where to go after login (set by the auth guard). */
  readonly returnUrl = input<string | undefined>();
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { username, password } = this.form.getRawValue();
      await this.auth.login(username, password);
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('/login') ? target : '/dashboard');
    } catch (err) {
      this.error.set(messageOf(err));
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
