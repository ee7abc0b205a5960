import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { LegExitStateCode, PositionLegResponse } from '@mcube/contracts';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/** How each leg exit state reads. */
const EXIT_LABEL: Record<LegExitStateCode, string> = { NONE: '—', WORKING: 'exit working', CHASING: 'exit re-sending', HELD: 'held (exit canceled by a person)', FLAT: 'flat' };

/** A position's legs: side, exit state, quantity, entry and last price, realised P&L and greeks per unit. */
@Component({
  selector: 'mc-legs-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RupeesPipe],
  template: `
    <div class="table-responsive">
      <table class="table table-sm align-middle mb-0 small" data-testid="position-legs">
        <thead>
          <tr>
            <th>Leg</th><th>Side</th><th>Exit</th><th class="text-end">Qty</th><th class="text-end">Avg</th><th class="text-end">Last</th>
            <th class="text-end">IV</th><th class="text-end">Δ</th><th class="text-end">Γ</th><th class="text-end">Θ/day</th><th class="text-end">Vega</th><th class="text-end">Realised</th>
          </tr>
        </thead>
        <tbody>
          @for (l of legs(); track l.id) {
            <tr [class.text-secondary]="l.status === 'CLOSED'" [attr.data-testid]="'leg-' + l.id">
              <td class="text-nowrap"><code>{{ l.tradingSymbol }}</code>@if (l.status === 'CLOSED') { <span class="badge text-bg-light border ms-1">closed</span> }</td>
              <td><span class="badge" [class.text-bg-danger]="l.side === 'SELL'" [class.text-bg-success]="l.side === 'BUY'">{{ l.side }}</span></td>
              <td class="text-nowrap" [attr.data-testid]="'leg-exit-' + l.id" [attr.data-exit-state]="l.exitState">{{ exitLabel[l.exitState] }}</td>
              <td class="text-end text-nowrap">{{ l.quantity }} <span class="text-secondary">({{ l.quantity / l.lotSize | number: '1.0-2' }} lot)</span></td>
              <td class="text-end">{{ l.avgPricePaise / 100 | number: '1.2-2' }}</td>
              <td class="text-end">{{ l.lastPricePaise === null ? '—' : (l.lastPricePaise / 100 | number: '1.2-2') }}</td>
              @if (l.greeks; as g) {
                <td class="text-end">{{ g.iv === null ? '—' : (g.iv * 100 | number: '1.1-1') + '%' }}</td>
                <td class="text-end">{{ g.delta === null ? '—' : (g.delta | number: '1.3-3') }}</td>
                <td class="text-end">{{ g.gamma === null ? '—' : (g.gamma | number: '1.5-5') }}</td>
                <td class="text-end">{{ g.theta === null ? '—' : (g.theta | number: '1.2-2') }}</td>
                <td class="text-end">{{ g.vega === null ? '—' : (g.vega | number: '1.2-2') }}</td>
              } @else {
                <td class="text-end text-secondary" colspan="5">no greeks</td>
              }
              <td class="text-end text-nowrap">{{ l.realizedPnlPaise | rupees }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class LegsTableComponent {
  readonly legs = input.required<readonly PositionLegResponse[]>();
  protected readonly exitLabel = EXIT_LABEL;
}
