import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PendingFeatureComponent } from '../../shared/ui/pending-feature.component';

/** The positions page: an honest empty state until its data arrives with the order path (positions issue). */
@Component({
  selector: 'mc-positions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PendingFeatureComponent],
  template: `
    <h1 class="h3 mb-3">Positions</h1>
    <mc-pending-feature title="Open positions, their live P&amp;L, Greeks and manual exit arrive with the order path (positions issue)." detail="Nothing is shown here yet rather than made-up numbers." />
  `,
})
export class PositionsPage {}
