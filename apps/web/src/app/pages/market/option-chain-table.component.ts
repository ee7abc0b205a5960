import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { OptionChainRowResponse } from '@mcube/contracts';

/** The chain as the trader reads it: calls left, strike in the middle, puts right; the ATM row highlighted. Phones get OI and LTP only. */
@Component({
  selector: 'mc-option-chain-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe],
  template: `
    <div class="table-responsive bg-white rounded shadow-sm">
      <table class="table table-sm table-hover align-middle text-end mb-0 chain" data-testid="option-chain">
        <thead>
          <tr class="small d-none d-md-table-row">
            <th colspan="8" class="text-center text-success">Calls</th>
            <th class="text-center">Strike</th>
            <th colspan="8" class="text-center text-danger">Puts</th>
          </tr>
          <tr class="small text-secondary">
            <th><span class="d-md-none">CE </span>OI</th><th class="d-none d-md-table-cell">OI chg</th><th class="d-none d-md-table-cell">IV %</th><th class="d-none d-md-table-cell">Delta</th><th class="d-none d-md-table-cell">Gamma</th><th class="d-none d-md-table-cell">Theta</th><th class="d-none d-md-table-cell">Vega</th><th><span class="d-md-none">CE </span>LTP</th>
            <th class="text-center">Strike</th>
            <th><span class="d-md-none">PE </span>LTP</th><th class="d-none d-md-table-cell">Vega</th><th class="d-none d-md-table-cell">Theta</th><th class="d-none d-md-table-cell">Gamma</th><th class="d-none d-md-table-cell">Delta</th><th class="d-none d-md-table-cell">IV %</th><th class="d-none d-md-table-cell">OI chg</th><th><span class="d-md-none">PE </span>OI</th>
          </tr>
        </thead>
        <tbody class="small">
          @for (r of rows(); track r.strike) {
            <tr [class.table-warning]="r.strike === atm()" [attr.data-testid]="r.strike === atm() ? 'chain-atm-row' : 'chain-row-' + r.strike">
              @if (r.call; as c) {
                <td>{{ c.openInterest | number: '1.0-0' }}</td>
                <td class="d-none d-md-table-cell" [class.text-success]="(c.openInterestChange ?? 0) > 0" [class.text-danger]="(c.openInterestChange ?? 0) < 0">{{ c.openInterestChange | number: '1.0-0' }}</td>
                <td class="d-none d-md-table-cell">{{ pct(c.iv) | number: '1.1-1' }}</td>
                <td class="d-none d-md-table-cell">{{ c.delta | number: '1.2-2' }}</td>
                <td class="d-none d-md-table-cell">{{ c.gamma | number: '1.4-4' }}</td>
                <td class="d-none d-md-table-cell">{{ c.theta | number: '1.2-2' }}</td>
                <td class="d-none d-md-table-cell">{{ c.vega | number: '1.2-2' }}</td>
                <td class="fw-semibold" [title]="c.priceSource">{{ c.lastPrice | number: '1.2-2' }}</td>
              } @else {
                <td colspan="8" class="text-center text-secondary">—</td>
              }
              <th class="text-center bg-light">{{ r.strike }}</th>
              @if (r.put; as p) {
                <td class="fw-semibold" [title]="p.priceSource">{{ p.lastPrice | number: '1.2-2' }}</td>
                <td class="d-none d-md-table-cell">{{ p.vega | number: '1.2-2' }}</td>
                <td class="d-none d-md-table-cell">{{ p.theta | number: '1.2-2' }}</td>
                <td class="d-none d-md-table-cell">{{ p.gamma | number: '1.4-4' }}</td>
                <td class="d-none d-md-table-cell">{{ p.delta | number: '1.2-2' }}</td>
                <td class="d-none d-md-table-cell">{{ pct(p.iv) | number: '1.1-1' }}</td>
                <td class="d-none d-md-table-cell" [class.text-success]="(p.openInterestChange ?? 0) > 0" [class.text-danger]="(p.openInterestChange ?? 0) < 0">{{ p.openInterestChange | number: '1.0-0' }}</td>
                <td>{{ p.openInterest | number: '1.0-0' }}</td>
              } @else {
                <td colspan="8" class="text-center text-secondary">—</td>
              }
            </tr>
          } @empty {
            <tr><td colspan="17" class="text-center text-secondary">No strikes listed for this expiry.</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: [`.chain td, .chain th { white-space: nowrap; }`],
})
export class OptionChainTableComponent {
  readonly rows = input.required<readonly OptionChainRowResponse[]>();
  readonly atm = input<number | null>(null);

  /** IV fraction as percent; null stays null (shown empty). */
  protected pct(iv: number | null): number | null {
    return iv === null ? null : iv * 100;
  }
}
