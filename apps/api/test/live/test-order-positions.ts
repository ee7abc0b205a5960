import type { DataSource } from 'typeorm';
import type { TestOrderPositions } from '../../src/modules/orders/live/test-order-steps';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';

/** The positions module's reads and ledger over `dataSource`, as the broker:check CLI passes them. */
export function testOrderPositions(dataSource: DataSource): TestOrderPositions {
  return { risk: new RiskPositionsQuery(dataSource), ledger: new PositionLedgerService() };
}
