import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { AccountCardComponent } from './account-card.component';
import { ActivePositionsComponent } from './active-positions.component';
import { AlertsFeedComponent } from './alerts-feed.component';
import { DashboardStore } from './dashboard.store';
import { NetDeltaComponent } from './net-delta.component';
import { RiskPanelComponent } from './risk-panel.component';
import { TimelineComponent } from './timeline.component';

/**
 * The overview: one card per account (capital, margin, P&L against limits and targets), risk
 * state with the kill switch, net delta, active positions, alerts and today's decisions; all live.
 */
@Component({
  selector: 'mc-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DashboardStore],
  imports: [LoadStateComponent, AccountCardComponent, RiskPanelComponent, NetDeltaComponent, ActivePositionsComponent, AlertsFeedComponent, TimelineComponent],
  templateUrl: './dashboard.page.html',
})
export class DashboardPage {
  protected readonly store = inject(DashboardStore);
}
