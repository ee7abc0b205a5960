import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { PendingFeatureComponent } from '../../shared/ui/pending-feature.component';
import { StrategyApi } from './strategy.api';
import { StrategyConfigCardComponent } from './strategy-config-card.component';

/** Strategy configuration: one card per configured strategy, with its parameters and history. */
@Component({
  selector: 'mc-strategy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStateComponent, PendingFeatureComponent, StrategyConfigCardComponent],
  template: `
    <h1 class="h3 mb-3">Strategy</h1>
    <mc-load-state [loading]="configs.loading()" [error]="configs.error()" what="strategy configurations" (retry)="configs.reload()" />
    @if (configs.value(); as list) {
      @for (c of list; track c.id) {
        <mc-strategy-config-card [initial]="c" />
      } @empty {
        <div class="alert alert-secondary">No strategy configured yet: run <code>init</code>.</div>
      }
    }
    <mc-pending-feature title="What would it do now" detail="The strategy's decision for the current market arrives with the strategy engine." />
  `,
})
export class StrategyPage {
  private readonly api = inject(StrategyApi);
  protected readonly configs = asyncResource(() => this.api.list());
}
