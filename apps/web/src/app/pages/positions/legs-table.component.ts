import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { LegExitStateCode, PositionDetailResponse, PositionLegResponse } from '@mcube/contracts';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { legExitable, legExiting } from './live/leg-exit';

/** How each leg exit state reads. */
const EXIT_LABEL: Record<LegExitStateCode, string> = { NONE: '—', WORKING: 'exit working', CHASING: 'exit re-sending', HELD: 'held (exit canceled by a person)', FLAT: 'flat' };

/**
 * A position's legs by their human names: a table from tablets up, one card per leg on a phone
 * (P&L first, nothing scrolled off-screen). Open legs show last price and greeks per unit;
 * closed legs show their realised P&L and no greeks. With `canExit` (trader/admin) each open leg
 * has its own "Exit leg" button (the page confirms with a reason); while its exit works the button
 * gives way to a progress mark until the leg is flat; a closed leg has neither.
 */
@Component({
  selector: 'mc-legs-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RupeesPipe],
  templateUrl: './legs-table.component.html',
})
export class LegsTableComponent {
  readonly legs = input.required<readonly PositionLegResponse[]>();
  /** The position's stored status: a CLOSED position offers no exit. */
  readonly positionStatus = input<PositionDetailResponse['status']>('ACTIVE');
  /** The user may send orders (trader/admin). */
  readonly canExit = input(false);
  /** Legs whose exit this page sent and follows until flat. */
  readonly following = input<ReadonlySet<number>>(new Set());
  /** "Exit leg" pressed: the page asks for the reason and sends it. */
  readonly exitLeg = output<PositionLegResponse>();
  protected readonly exitLabel = EXIT_LABEL;

  protected exitable(l: PositionLegResponse): boolean {
    return this.canExit() && legExitable({ status: this.positionStatus() }, l);
  }

  protected exiting(l: PositionLegResponse): boolean {
    return legExiting(l, this.following());
  }

  /** Open P&L of an open leg at its last price, paise (null before its first mark). */
  protected openPnlPaise(l: PositionLegResponse): number | null {
    if (l.status === 'CLOSED' || l.lastPricePaise === null) return null;
    return (l.side === 'SELL' ? 1 : -1) * (l.avgPricePaise - l.lastPricePaise) * l.quantity;
  }
}
