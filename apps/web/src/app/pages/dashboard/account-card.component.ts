import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { PnlPeriodComponent } from './pnl-period.component';
import { TradingStateBadgeComponent } from './trading-state-badge.component';

/** One account: capital, margin, P&L per period against its limits and targets, state and breaker. */
@Component({
  selector: 'mc-account-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RupeesPipe, PnlPeriodComponent, TradingStateBadgeComponent],
  template: `
    @let a = summary();
    <section class="card h-100 shadow-sm" [attr.data-testid]="'account-card-' + a.broker">
      <div class="card-body">
        <div class="d-flex flex-wrap align-items-start gap-2 mb-2">
          <h2 class="h5 mb-0 me-auto">{{ a.name }}</h2>
          @if (a.isPaperTrading) {
            <span class="badge text-bg-warning">Paper</span>
          } @else {
            <span class="badge text-bg-danger">LIVE</span>
          }
          <mc-trading-state-badge [state]="a.tradingState" [causes]="a.tradingStateCauses" [testId]="'trading-state-' + a.broker" />
          @if (!a.isActive) {
            <span class="badge text-bg-dark">Deactivated</span>
          }
        </div>
        @if (a.breaker.tripped) {
          <div class="alert alert-danger py-1 px-2 small mb-2" role="alert" [attr.data-testid]="'breaker-' + a.broker">
            Circuit breaker tripped{{ a.breaker.trippedAtMs ? ' at ' + (a.breaker.trippedAtMs | date: 'dd MMM, HH:mm' : '+0530') + ' IST' : '' }}: {{ a.breaker.reason ?? 'no reason given' }}. Only an admin can re-activate the account.
          </div>
        }
        <dl class="row mb-2 small">
          <dt class="col-6 text-secondary fw-normal">Allocated capital</dt>
          <dd class="col-6 mb-1 fw-semibold">{{ a.allocatedCapitalPaise | rupees }}</dd>
          <dt class="col-6 text-secondary fw-normal">Margin used / free</dt>
          <dd class="col-6 mb-0">
            @if (a.margin; as m) {
              {{ m.usedPaise | rupees }} / {{ m.availablePaise | rupees }}
            } @else {
              <span class="text-secondary">not reported</span>
            }
          </dd>
        </dl>
        <div class="vstack gap-2">
          <mc-pnl-period label="Today" [pnl]="a.pnl.today" [lossLimitPaise]="a.limits.dailyLossLimitPaise" [testId]="'dashboard-pnl-today-' + a.broker" />
          <mc-pnl-period label="This week" [pnl]="a.pnl.week" [lossLimitPaise]="a.limits.weeklyLossLimitPaise" [targetPaise]="a.limits.weeklyProfitTargetPaise" />
          <mc-pnl-period label="This month" [pnl]="a.pnl.month" [targetPaise]="a.limits.monthlyProfitTargetPaise" />
        </div>
      </div>
    </section>
  `,
})
export class AccountCardComponent {
  readonly summary = input.required<AccountSummaryResponse>();
}
