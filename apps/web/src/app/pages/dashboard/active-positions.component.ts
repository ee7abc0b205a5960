import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { netPnlPaise, type PositionRow } from '../../shared/positions/position-rows';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/** The active positions with their live P&L (one per account at most: the one-position rule). */
@Component({
  selector: 'mc-active-positions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RouterLink, RupeesPipe],
  template: `
    <section class="card shadow-sm h-100" data-testid="active-positions">
      <div class="card-header bg-white d-flex align-items-center">
        <h2 class="h6 mb-0 me-auto">Active positions</h2>
        <a class="small" routerLink="/positions">All positions</a>
      </div>
      <ul class="list-group list-group-flush">
        @for (p of active(); track p.id) {
          <li class="list-group-item" [attr.data-testid]="'dashboard-position-' + p.id">
            <div class="d-flex flex-wrap align-items-baseline gap-2">
              <a class="fw-semibold me-auto" [routerLink]="['/positions', p.id]">{{ p.underlying }} {{ p.expiryDate }}</a>
              <span class="fw-semibold" [class.text-success]="net(p) > 0" [class.text-danger]="net(p) < 0">{{ net(p) | rupees }}</span>
            </div>
            <div class="small text-secondary">{{ accountName(p.accountId) }} · {{ p.direction || '—' }} · delta {{ p.currentDelta === null ? '—' : (p.currentDelta | number: '1.0-1') }}</div>
          </li>
        } @empty {
          <li class="list-group-item text-secondary small">No active position.</li>
        }
      </ul>
    </section>
  `,
})
export class ActivePositionsComponent {
  readonly positions = input.required<readonly PositionRow[]>();
  readonly summaries = input<readonly AccountSummaryResponse[]>([]);
  protected readonly active = computed(() => this.positions().filter((p) => p.status === 'ACTIVE'));
  protected readonly net = netPnlPaise;

  protected accountName(accountId: number): string {
    return this.summaries().find((s) => s.accountId === accountId)?.name ?? `account ${accountId}`;
  }
}
