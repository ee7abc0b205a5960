import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { EntryEvaluationComponent } from './entry-evaluation.component';
import { StrategyApi } from './strategy.api';
import { StrategyConfigCardComponent } from './strategy-config-card.component';

/** Strategy: what the strangle would do now, then one card per configured strategy with its parameters and history. */
@Component({
  selector: 'mc-strategy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EntryEvaluationComponent, LoadStateComponent, StrategyConfigCardComponent],
  template: `
    <h1 class="h3 mb-3">Strategy</h1>
    <mc-entry-evaluation />
    <mc-load-state [loading]="configs.loading()" [error]="configs.error()" what="strategy configurations" (retry)="configs.reload()" />
    @if (configs.value(); as list) {
      @for (c of list; track c.id) {
        <mc-strategy-config-card [initial]="c" />
      } @empty {
        <div class="alert alert-secondary">No strategy configured yet: run <code>init</code>.</div>
      }
    }
  `,
})
export class StrategyPage {
  private readonly api = inject(StrategyApi);
  protected readonly configs = asyncResource(() => this.api.list());
}
