import type { AccountMarginView, PositionView, StrategyLeg, StrategyPosition } from '@mcube/strategy-kotak-strangle';
import { DataSource } from 'typeorm';
import { AccountMarginService } from '../../orders/account-margin.service';
import { legExitFacts } from '../../positions/leg-exit-facts';
import { activePositionOf, legsOfPosition } from '../../positions/position-reads';

/** An intent's id from one of its rows (a slice's clientOrderId is `<intent id>s<n>`). */
const intentIdOf = (clientOrderId: string): string => clientOrderId.replace(/s\d+$/, '');

/**
 * The strategy's view of an account's positions, read from the positions tables (built from
 * fills by the orders module): the ACTIVE position with its open option legs (short legs
 * negative, average prices in rupees), its stored exit (owner, code) and, per leg, the closing
 * order still working and whether a person's cancel holds the leg (`legExitFacts`); null when
 * there is none or nothing is filled yet. Margin comes from the account's broker client (the
 * paper book in paper mode).
 */
export class DbPositionView implements PositionView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly margins: AccountMarginService,
  ) {}

  async activePosition(accountId: string): Promise<StrategyPosition | null> {
    const position = await activePositionOf(this.dataSource, Number(accountId));
    if (!position) return null;
    const rows = (await legsOfPosition(this.dataSource, position.id)).filter((l) => l.quantity > 0 && l.instrumentType !== 'FUT' && l.strike !== null);
    if (rows.length === 0) return null;
    // Working exits and holds matter only once an exit is requested (what a restarted strategy resumes).
    const facts = position.exitRequestedAt !== null ? await legExitFacts(this.dataSource.manager, position, rows) : rows.map((leg) => ({ leg, state: 'NONE' as const, working: [] }));
    const legs: StrategyLeg[] = facts.map(({ leg: l, state, working }) => {
      const intentId = working.length > 0 ? intentIdOf(working[working.length - 1].clientOrderId) : null;
      const slices = working.filter((o) => intentIdOf(o.clientOrderId) === intentId);
      return {
        optionType: l.instrumentType as 'CE' | 'PE',
        strike: l.strike as number,
        quantity: l.side === 'SELL' ? -l.quantity : l.quantity,
        averagePrice: l.avgPricePaise / 100,
        ...(intentId !== null
          ? {
              workingExit: {
                clientOrderId: intentId,
                quantity: slices.reduce((sum, o) => sum + o.quantity, 0),
                filledQuantity: slices.reduce((sum, o) => sum + o.filledQuantity, 0),
                limitPrice: (slices[0].limitPricePaise ?? 0) / 100,
                submittedAtMs: (slices[0].submittedAt ?? slices[0].createdAt).getTime(),
              },
            }
          : {}),
        ...(state === 'HELD' ? { exitHeld: true } : {}),
      };
    });
    const exit = position.exitRequestedAt !== null && position.exitOwner !== null ? { exit: { owner: position.exitOwner, reasonCode: position.exitReason } } : {};
    return { positionId: String(position.id), accountId, underlying: position.underlying, expiry: position.expiryDate, legs, openedAtMs: position.openedAt.getTime(), ...exit };
  }

  async margin(accountId: string): Promise<AccountMarginView> {
    const m = await this.margins.margin(Number(accountId));
    return { availablePaise: m.availablePaise, inUsePaise: m.usedPaise };
  }
}
