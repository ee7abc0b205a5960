import { filterNameText, reasonText } from '@mcube/contracts';
import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { EntryEvaluationResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { EntryEvaluationApi } from './entry-evaluation.api';
import { combinedPremium, decisionTone, filterValues } from './entry-evaluation-view';

/**
 * "What would it do now?": asks the API to run the Kotak strangle's entry rules on the current
 * market (nothing is traded) and shows the decision, its reason, every filter with the values it
 * saw, and the expiry, strikes, premiums and size it would use. Evaluated on demand only.
 */
@Component({
  selector: 'mc-entry-evaluation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, LoadStateComponent],
  templateUrl: './entry-evaluation.component.html',
})
export class EntryEvaluationComponent {
  protected readonly reasonText = reasonText;
  protected readonly filterName = filterNameText;
  private readonly api = inject(EntryEvaluationApi);
  private readonly accountsApi = inject(AccountsApi);
  protected readonly decisionTone = decisionTone;
  protected readonly filterValues = filterValues;

  protected readonly accounts = asyncResource(() => this.accountsApi.list());
  protected readonly kotak = computed(() => this.accounts.value()?.find((a) => a.broker === 'KOTAK') ?? null);
  protected readonly result = signal<EntryEvaluationResponse | null>(null);
  protected readonly evaluating = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly combined = computed(() => {
    const r = this.result();
    return r ? combinedPremium(r) : null;
  });

  protected async evaluate(): Promise<void> {
    const account = this.kotak();
    if (!account) return;
    this.evaluating.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.api.evaluate(account.id));
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.evaluating.set(false);
    }
  }
}
