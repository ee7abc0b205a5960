import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { OptionChainRowResponse } from '@mcube/contracts';
import { inLakh, indian } from '../../shared/ui/indian-number';
import { isItm } from './chain-window';

/**
 * The chain as the trader reads it: calls left, strike in the middle, puts right; in-the-money
 * sides shaded, the ATM row highlighted, the account's own strikes marked. OI in lakh. Phones
 * get OI and LTP only (five columns, nothing scrolled off); desktops add OI change, volume,
 * bid/ask, IV and delta, and wide screens the other greeks.
 */
@Component({
  selector: 'mc-option-chain-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe],
  templateUrl: './option-chain-table.component.html',
  styles: [
    `
      .chain td, .chain th { white-space: nowrap; }
      .chain td.itm { background-color: #fff8e1; }
      .chain tr.atm > * { background-color: #fff3cd; }
      .chain th.strike { background-color: #f1f3f5; min-width: 4.5rem; }
      .own { color: #084298; }
    `,
  ],
})
export class OptionChainTableComponent {
  readonly rows = input.required<readonly OptionChainRowResponse[]>();
  readonly atm = input<number | null>(null);
  readonly spot = input<number | null>(null);
  /** The account's open strikes by side ('26000|PE'). */
  readonly own = input<ReadonlySet<string>>(new Set());
  protected readonly lakh = (v: number | null) => (v === null ? '—' : inLakh(v));
  protected readonly indian = indian;

  protected itm(type: 'CE' | 'PE', strike: number): boolean {
    return isItm(type, strike, this.spot());
  }

  protected isOwn(type: 'CE' | 'PE', strike: number): boolean {
    return this.own().has(`${strike}|${type}`);
  }

  /** IV fraction as percent; null stays null (shown empty). */
  protected pct(iv: number | null): number | null {
    return iv === null ? null : iv * 100;
  }
}
