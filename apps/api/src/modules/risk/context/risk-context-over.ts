import type { Clock, NseCalendar } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { DailyPnlHistoryQuery } from '../../analytics/daily-pnl/daily-pnl-history';
import type { RiskPositions } from '../ports/risk-positions.port';
import { RiskContextService } from './risk-context.service';

/**
 * A risk context built outside Nest's injection (a one-shot command such as the broker check's
 * test order): daily P&L through the analytics module's query service, positions through the
 * caller's `RiskPositions` (the positions module's query, which risk does not import). No
 * reconciliation gate: such a process does not own the account's reconciliation.
 */
export function riskContextOver(dataSource: DataSource, clock: Clock, calendar: NseCalendar, positions: RiskPositions): RiskContextService {
  return new RiskContextService(dataSource, clock, calendar, positions, new DailyPnlHistoryQuery(dataSource));
}
