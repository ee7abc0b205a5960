import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { LegExitStateCode, PositionLegResponse } from '@mcube/contracts';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';

/** How each leg exit state reads. */
const EXIT_LABEL: Record<LegExitStateCode, string> = { NONE: '—', WORKING: 'exit working', CHASING: 'exit re-sending', HELD: 'held (exit canceled by a person)', FLAT: 'flat' };

/**
 * A position's legs by their human names: a table from tablets up, one card per leg on a phone
 * (P&L first, nothing scrolled off-screen). Open legs show last price and greeks per unit;
 * closed legs show their realised P&L and no greeks.
 */
@Component({
  selector: 'mc-legs-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RupeesPipe],
  templateUrl: './legs-table.component.html',
})
export class LegsTableComponent {
  readonly legs = input.required<readonly PositionLegResponse[]>();
  protected readonly exitLabel = EXIT_LABEL;

  /** Open P&L of an open leg at its last price, paise (null before its first mark). */
  protected openPnlPaise(l: PositionLegResponse): number | null {
    if (l.status === 'CLOSED' || l.lastPricePaise === null) return null;
    return (l.side === 'SELL' ? 1 : -1) * (l.avgPricePaise - l.lastPricePaise) * l.quantity;
  }
}
