import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { PendingFeatureComponent } from '../../shared/ui/pending-feature.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/** The overview: one card per broker account, and honest placeholders for what is not built yet. */
@Component({
  selector: 'mc-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStateComponent, PendingFeatureComponent, RupeesPipe],
  templateUrl: './dashboard.page.html',
})
export class DashboardPage {
  private readonly api = inject(AccountsApi);
  protected readonly accounts = asyncResource(() => this.api.list());
}
