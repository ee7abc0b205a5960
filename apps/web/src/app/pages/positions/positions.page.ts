import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { PositionsApi } from '../../core/positions/positions.api';
import { netPnlPaise, sortActiveFirst, withPositionUpdate } from '../../shared/positions/position-rows';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/** Every position, active first, with live P&L; a row (a card on a phone, P&L first) opens the position's detail. */
@Component({
  selector: 'mc-positions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, RouterLink, LoadStateComponent, RupeesPipe],
  template: `
    <h1 class="h3 mb-3">Positions</h1>
    <mc-load-state [loading]="positions.loading() && !positions.value()" [error]="positions.error()" what="positions" (retry)="positions.reload()" />
    @if (positions.value(); as rows) {
      <!-- Phones: one card per position, P&L first, the whole card opens it. -->
      <ul class="list-unstyled d-md-none mb-0" data-testid="position-cards">
        @for (p of rows; track p.id) {
          <li class="card shadow-sm mb-2" [attr.data-testid]="'position-card-' + p.id" [attr.data-state]="p.state">
            <a class="card-body p-2 text-reset text-decoration-none d-block" [routerLink]="detailLink(p)">
              <div class="d-flex justify-content-between align-items-baseline">
                <span class="fs-5 fw-semibold" [class.text-success]="net(p) > 0" [class.text-danger]="net(p) < 0" data-testid="position-card-pnl">{{ net(p) | rupees }}</span>
                <span class="badge" [class.text-bg-primary]="p.state === 'ACTIVE'" [class.text-bg-warning]="p.state === 'EXITING'" [class.text-bg-secondary]="p.state === 'CLOSED'">{{ p.state }}</span>
              </div>
              <div class="small text-body-secondary d-flex flex-wrap gap-2">
                <span class="text-body fw-semibold">{{ p.underlying }} {{ p.expiryDate | date: 'dd MMM' }}</span>
                <span>#{{ p.id }} · {{ accountName(p.accountId) }}</span>
                <span>open {{ p.unrealizedPnlPaise | rupees }}</span>
                <span>Δ {{ p.currentDelta === null ? '—' : (p.currentDelta | number: '1.0-1') }}</span>
              </div>
            </a>
          </li>
        } @empty {
          <li class="text-body-secondary">No position yet.</li>
        }
      </ul>
      <div class="card shadow-sm d-none d-md-block">
        <div class="table-responsive">
          <table class="table table-hover align-middle mb-0 small" data-testid="positions">
            <thead>
              <tr><th scope="col">#</th><th scope="col">Status</th><th scope="col">Account</th><th scope="col">Underlying</th><th scope="col">Expiry</th><th scope="col" class="text-end">P&amp;L</th><th scope="col" class="text-end">Open P&amp;L</th><th scope="col" class="text-end">Delta</th><th scope="col" class="d-none d-lg-table-cell">Opened (IST)</th></tr>
            </thead>
            <tbody>
              @for (p of rows; track p.id) {
                <tr [attr.data-testid]="'position-row-' + p.id" [attr.data-status]="p.status" [attr.data-state]="p.state">
                  <td><a [routerLink]="detailLink(p)">#{{ p.id }}</a></td>
                  <td><span class="badge" [class.text-bg-primary]="p.state === 'ACTIVE'" [class.text-bg-warning]="p.state === 'EXITING'" [class.text-bg-secondary]="p.state === 'CLOSED'">{{ p.state }}</span></td>
                  <td>{{ accountName(p.accountId) }}</td>
                  <td><a class="text-reset" [routerLink]="detailLink(p)">{{ p.underlying }}</a></td>
                  <td class="text-nowrap">{{ p.expiryDate | date: 'dd MMM yyyy' }}</td>
                  <td class="text-end fw-semibold text-nowrap" [class.text-success]="net(p) > 0" [class.text-danger]="net(p) < 0" data-testid="position-pnl">{{ net(p) | rupees }}</td>
                  <td class="text-end text-nowrap">{{ p.unrealizedPnlPaise | rupees }}</td>
                  <td class="text-end">{{ p.currentDelta === null ? '—' : (p.currentDelta | number: '1.0-1') }}</td>
                  <td class="d-none d-lg-table-cell text-nowrap">{{ p.openedAt | date: 'dd MMM yyyy, HH:mm' : '+0530' }}</td>
                </tr>
              } @empty {
                <tr><td colspan="9" class="text-body-secondary">No position yet.</td></tr>
              }
            </tbody>
          </table>
        </div>
      </div>
    }
  `,
})
export class PositionsPage {
  private readonly api = inject(PositionsApi);
  private readonly accountsApi = inject(AccountsApi);
  protected readonly positions = asyncResource(async () => sortActiveFirst(await this.api.list()));
  // Names only: the list still shows (with account ids) if the accounts cannot be read.
  private readonly accounts = asyncResource(() => this.accountsApi.list());
  protected readonly net = netPnlPaise;
  /** ICICI futures positions open their own page (plan, averaging attempts with approvals); the rest the position detail. */
  protected readonly detailLink = (p: { id: number; strategyType: string }) => (p.strategyType === 'LLM_VALIDATED_FUTURES' ? ['/futures', p.id] : ['/positions', p.id]);

  constructor() {
    inject(LiveSocketService)
      .on('position.updated')
      .pipe(takeUntilDestroyed())
      .subscribe((e) => this.positions.value.update((rows) => rows && withPositionUpdate(rows, e)));
  }

  protected accountName(accountId: number): string {
    return this.accounts.value()?.find((a) => a.id === accountId)?.name ?? `#${accountId}`;
  }
}
