import { Injectable } from '@nestjs/common';
import { addDays, epochMsOfIst, istMinuteOf, type AnalyticsTrade, type EntryFacts } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { brokersByAccount } from '../../accounts/account-reads';
import { filledPositionsClosedWithin } from '../../positions/position-reads';
import { resultsOfPositions, type PositionResult } from '../daily-pnl/position-charges';
import { entryFactsOf } from './entry-facts.reader';

/** Which closed trades: exit IST dates inclusive (null = open-ended), one account or all. */
export interface TradeQuery {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly accountId?: number | null;
}

/** A closed trade with the facts its position was entered on. */
export interface ClosedTrade extends AnalyticsTrade {
  readonly positionId: number;
  readonly facts: EntryFacts;
}

/**
 * Closed positions as trades (plan §12): gross P&L, every charge of their fills and the net,
 * in paise (`resultsOfPositions`, the daily P&L's own figures), with the VIX and days to expiry
 * at entry. An entry that never filled (quantity 0) is no trade.
 */
@Injectable()
export class ClosedTradesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: TradeQuery = {}): Promise<ClosedTrade[]> {
    const brokers = await brokersByAccount(this.dataSource);
    const lo = q.from ? new Date(epochMsOfIst(q.from)) : new Date(0);
    const hi = q.to ? new Date(epochMsOfIst(addDays(q.to, 1)) - 1) : new Date(8.64e15);
    const positions = (await filledPositionsClosedWithin(this.dataSource, lo, hi, q.accountId)).filter((p) => p.closedAt && brokers.has(p.accountId));
    const facts = await entryFactsOf(this.dataSource.manager, positions);
    const results = await resultsOfPositions(this.dataSource.manager, positions, (p) => brokers.get(p.accountId) as 'KOTAK' | 'ICICI');
    return positions.map((p) => {
      const f = facts.get(p.id) ?? {};
      return {
        id: String(p.id),
        positionId: p.id,
        accountId: String(p.accountId),
        strategy: p.strategyType,
        underlying: p.underlying,
        entryAt: istMinuteOf(p.openedAt.getTime()),
        exitAt: istMinuteOf((p.closedAt as Date).getTime()),
        exitReason: p.exitReason ?? 'UNKNOWN',
        ...(results.get(p.id) as PositionResult),
        vixAtEntry: f.vix ?? null,
        daysToExpiryAtEntry: f.daysToExpiry ?? null,
        facts: f,
      };
    });
  }
}
