import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Role, UserResponse } from '@mcube/contracts';
import { ApiError, messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { ROLES } from './roles';
import { UsersApi } from './users.api';

/** Users (admin only): list, create, change role, deactivate or reactivate. */
@Component({
  selector: 'mc-users-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, LoadStateComponent],
  templateUrl: './users-settings.component.html',
})
export class UsersSettingsComponent {
  private readonly api = inject(UsersApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  protected readonly roles = ROLES;
  protected readonly users = asyncResource(() => this.api.list());
  protected readonly createError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[A-Za-z0-9._-]{3,64}$/)] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(12), Validators.maxLength(256)] }),
    role: new FormControl<Role>('viewer', { nonNullable: true }),
  });

  protected async create(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.createError.set(null);
    try {
      const user = await this.api.create(this.form.getRawValue());
      this.notifier.success(`User ${user.username} created.`);
      this.form.reset({ username: '', password: '', role: 'viewer' });
      await this.users.reload();
    } catch (err) {
      this.createError.set(err instanceof ApiError ? err.messages.join(' · ') : messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async change(user: UserResponse, change: { role?: Role; isActive?: boolean }): Promise<void> {
    try {
      await this.api.update(user.id, change);
      this.notifier.success(`User ${user.username} updated.`);
    } catch (err) {
      this.notifier.error(messageOf(err));
    }
    await this.users.reload();
  }

  protected roleOf(ev: Event): Role {
    return (ev.target as HTMLSelectElement).value as Role;
  }
}
