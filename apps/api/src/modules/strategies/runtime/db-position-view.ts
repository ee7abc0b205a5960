import type { AccountMarginView, PositionView, StrategyLeg, StrategyPosition } from '@mcube/strategy-kotak-strangle';
import { DataSource } from 'typeorm';
import { AccountMarginService } from '../../orders/account-margin.service';
import { PositionLeg } from '../../positions/entities/position-leg.entity';
import { Position } from '../../positions/entities/position.entity';

/**
 * The strategy's view of an account's positions, read from the positions tables (built from
 * fills by the orders module): the ACTIVE position with its open option legs (short legs
 * negative, average prices in rupees), null when there is none or nothing is filled yet.
 * Margin comes from the account's broker client (the paper book in paper mode).
 */
export class DbPositionView implements PositionView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly margins: AccountMarginService,
  ) {}

  async activePosition(accountId: string): Promise<StrategyPosition | null> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { accountId: Number(accountId), status: 'ACTIVE' } });
    if (!position) return null;
    const rows = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id }, order: { id: 'ASC' } });
    const legs: StrategyLeg[] = rows
      .filter((l) => l.quantity > 0 && l.instrumentType !== 'FUT' && l.strike !== null)
      .map((l) => ({
        optionType: l.instrumentType as 'CE' | 'PE',
        strike: l.strike as number,
        quantity: l.side === 'SELL' ? -l.quantity : l.quantity,
        averagePrice: l.avgPricePaise / 100,
      }));
    if (legs.length === 0) return null;
    return { positionId: String(position.id), accountId, underlying: position.underlying, expiry: position.expiryDate, legs, openedAtMs: position.openedAt.getTime() };
  }

  async margin(accountId: string): Promise<AccountMarginView> {
    const m = await this.margins.margin(Number(accountId));
    return { availablePaise: m.availablePaise, inUsePaise: m.usedPaise };
  }
}
