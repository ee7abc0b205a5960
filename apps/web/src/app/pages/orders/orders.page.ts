import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PendingFeatureComponent } from '../../shared/ui/pending-feature.component';

/** The orders page: an honest empty state until its data arrives with the order path (order gateway issue). */
@Component({
  selector: 'mc-orders-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PendingFeatureComponent],
  template: `
    <h1 class="h3 mb-3">Orders</h1>
    <mc-pending-feature title="Orders and fills, with the status the broker reports, arrive with the order path (order gateway issue)." detail="Nothing is shown here yet rather than made-up numbers." />
  `,
})
export class OrdersPage {}
