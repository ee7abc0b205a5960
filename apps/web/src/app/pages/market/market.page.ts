import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PendingFeatureComponent } from '../../shared/ui/pending-feature.component';

/** The market page: an honest empty state until its data arrives with the market-data issue. */
@Component({
  selector: 'mc-market-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PendingFeatureComponent],
  template: `
    <h1 class="h3 mb-3">Market</h1>
    <mc-pending-feature title="NIFTY, VIX, the option chain and its charts arrive with the market-data issue." detail="Nothing is shown here yet rather than made-up numbers." />
  `,
})
export class MarketPage {}
