import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import type { AccountResponse } from '@mcube/contracts';
import { ApiError, messageOf } from '../../core/api/api-error';
import { messagesByField } from '../../core/api/messages-by-field';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { SettingsFormComponent } from '../../shared/settings-form/settings-form.component';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { RISK_LIMIT_FIELDS } from './risk-limit-fields';
import { RiskLimitsApi } from './risk-limits.api';

/** One account's risk limits as a form (read-only for viewers). */
@Component({
  selector: 'mc-risk-limits-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SettingsFormComponent, LoadStateComponent],
  template: `
    <section class="card shadow-sm mb-3" [attr.data-testid]="'risk-limits-' + account().broker">
      <div class="card-header bg-white"><h2 class="h6 mb-0">{{ account().name }}</h2></div>
      <div class="card-body">
        <mc-load-state [loading]="limits.loading() && !limits.value()" [error]="limits.error()" what="risk limits" (retry)="limits.reload()" />
        @if (limits.value(); as values) {
          <mc-settings-form [specs]="fields" [values]="values" [readonly]="!auth.canWrite()" [saving]="saving()" [serverErrors]="serverErrors()" [idPrefix]="'risk' + account().id" (save)="save($event)" />
        }
      </div>
    </section>
  `,
})
export class RiskLimitsCardComponent implements OnInit {
  private readonly api = inject(RiskLimitsApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  readonly account = input.required<AccountResponse>();
  protected readonly fields = RISK_LIMIT_FIELDS;
  protected readonly limits = asyncResource(() => this.api.get(this.account().id), { immediate: false });
  protected readonly saving = signal(false);
  protected readonly serverErrors = signal<Record<string, string[]>>({});

  ngOnInit(): void {
    void this.limits.reload();
  }

  protected async save(changes: Record<string, unknown>): Promise<void> {
    this.saving.set(true);
    this.serverErrors.set({});
    try {
      this.limits.value.set(await this.api.update(this.account().id, changes));
      this.notifier.success(`${this.account().broker}: risk limits saved.`);
    } catch (err) {
      const byField = err instanceof ApiError && err.status === 400 ? messagesByField(err.messages, this.fields.map((f) => f.key)) : { '': [messageOf(err)] };
      this.serverErrors.set(byField);
    } finally {
      this.saving.set(false);
    }
  }
}
