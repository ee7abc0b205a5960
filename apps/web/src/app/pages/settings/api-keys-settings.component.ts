import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Role } from '@mcube/contracts';
import { ApiError, messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { ApiKeysApi } from './api-keys.api';
import { rolesUpTo } from './roles';

/** API keys: create one (its key shown once, here), list, revoke. Viewers only see the list. */
@Component({
  selector: 'mc-api-keys-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, LoadStateComponent],
  templateUrl: './api-keys-settings.component.html',
})
export class ApiKeysSettingsComponent {
  private readonly api = inject(ApiKeysApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  protected readonly keys = asyncResource(() => this.api.list());
  protected readonly roles = computed(() => rolesUpTo(this.auth.role()));
  /** The clear key of the key just created; gone once dismissed or the page is left. */
  protected readonly createdKey = signal<{ name: string; key: string } | null>(null);
  protected readonly createError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[\w .:-]{1,100}$/)] }),
    role: new FormControl<Role>('viewer', { nonNullable: true }),
  });

  protected async create(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.createError.set(null);
    try {
      const { name, role } = this.form.getRawValue();
      const created = await this.api.create(name.trim(), role);
      this.createdKey.set({ name: created.name, key: created.key });
      this.form.reset({ name: '', role: 'viewer' });
      await this.keys.reload();
    } catch (err) {
      this.createError.set(err instanceof ApiError ? err.messages.join(' · ') : messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async revoke(id: number, name: string): Promise<void> {
    if (!confirm(`Revoke the API key "${name}"? Scripts using it stop working at once.`)) return;
    try {
      await this.api.revoke(id);
      this.notifier.success(`API key "${name}" revoked.`);
      await this.keys.reload();
    } catch (err) {
      this.notifier.error(messageOf(err));
    }
  }
}
