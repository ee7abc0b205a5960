import { paiseOfPrice, type FuturesDirection } from '@mcube/domain';
import type { FuturesAccountMargin, FuturesAccountPort, FuturesPositionState, FuturesRiskLevels } from '@mcube/strategy-icici-futures';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { AccountMarginService } from '../../orders/account-margin.service';
import { setRiskLevels } from '../../positions/position-commands';
import { activePositionOf, activePositions, openLegsOfPosition } from '../../positions/position-reads';

/**
 * The ICICI strategy's view of its position, from the positions tables (quantity and average
 * from fills). Stop and target live on the position row (`stopLossPricePaise`,
 * `targetPricePaise`, `averagingCount`); the first fill's quantity is kept in memory and, after
 * a restart, read back as quantity ÷ (attempts + 1) (exact when averaging added the original
 * quantity, which is the rule unless the margin cap cut it).
 */
export class DbFuturesAccount implements FuturesAccountPort {
  private readonly originalQuantity = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly margins: AccountMarginService,
  ) {}

  async activePosition(accountId: string): Promise<FuturesPositionState | null> {
    const position = await activePositionOf(this.dataSource, Number(accountId));
    if (!position) return null;
    const legs = await openLegsOfPosition(this.dataSource, position.id);
    const leg = legs.find((l) => l.instrumentType === 'FUT' && l.quantity > 0);
    if (!leg) return null; // reserved, nothing filled yet: the desk follows the working order
    const id = String(position.id);
    const stop = position.stopLossPricePaise;
    const target = position.targetPricePaise;
    const attempts = position.averagingCount;
    const original = this.originalQuantity.get(id) ?? Math.round(leg.quantity / (attempts + 1));
    return {
      positionId: id,
      accountId,
      underlying: position.underlying,
      expiry: position.expiryDate,
      direction: (leg.side === 'BUY' ? 'LONG' : 'SHORT') as FuturesDirection,
      quantity: leg.quantity,
      lotSize: leg.lotSize,
      averagePrice: leg.avgPricePaise / 100,
      riskLevels: stop !== null && target !== null ? { stopLoss: stop / 100, target: target / 100, averagingAttempts: attempts, originalQuantity: original } : null,
      openedAtMs: position.openedAt.getTime(),
    };
  }

  async margin(accountId: string): Promise<FuturesAccountMargin> {
    const m = await this.margins.margin(Number(accountId));
    const open = await activePositions(this.dataSource, Number(accountId));
    return { availablePaise: m.availablePaise, inUsePaise: m.usedPaise, openExposurePaise: open.reduce((s, p) => s + p.entryValuePaise, 0) };
  }

  async setRiskLevels(positionId: string, levels: FuturesRiskLevels): Promise<void> {
    this.originalQuantity.set(positionId, levels.originalQuantity);
    await inTransaction(this.dataSource, (m) =>
      setRiskLevels(m, Number(positionId), { stopLossPricePaise: paiseOfPrice(levels.stopLoss), targetPricePaise: paiseOfPrice(levels.target), averagingCount: levels.averagingAttempts }),
    );
  }
}
