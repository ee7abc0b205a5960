import { Injectable } from '@nestjs/common';
import { addDays, dailyPnlValues, epochMsOfIst, type DailyPnlValues, type IsoDate } from '@mcube/domain';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { activePositionOf, positionsClosedBetween } from '../../positions/position-reads';
import { DailyPnl } from '../entities/daily-pnl.entity';
import { resultsOfPositions, type PositionResult } from './position-charges';

/** What one recompute did. */
export interface DailyPnlRecompute {
  readonly accountId: number;
  readonly tradeDate: IsoDate;
  /** False when the stored row already held these figures (a redelivery). */
  readonly changed: boolean;
  readonly values: DailyPnlValues;
}

const FIELDS: readonly (keyof DailyPnlValues)[] = ['realizedPnlPaise', 'unrealizedPnlPaise', 'chargesPaise', 'netPnlPaise', 'tradesCount', 'equityPaise', 'peakEquityPaise', 'drawdownPct'];

/**
 * Writes each account's `daily_pnl` row of an IST date from the positions that closed that
 * day (gross realised P&L, charges of all their fills: `resultsOfPositions`) and the active position's open P&L
 * (see `dailyPnlValues`). Recomputed from scratch each time, so it is idempotent: the same
 * state gives the same row and no write.
 */
@Injectable()
export class DailyPnlService {
  constructor(private readonly dataSource: DataSource) {}

  /** Recomputes `date` for every account, in id order. */
  async recomputeAll(date: IsoDate): Promise<DailyPnlRecompute[]> {
    // One transaction (one commit) for every account, not one each: this runs every 10 market
    // seconds (every 2 wall seconds at 5x) in the request loop (issue 21).
    return inTransaction(this.dataSource, async (m) => {
      const accounts = await accountsWhere(m);
      const out: DailyPnlRecompute[] = [];
      for (const account of accounts) out.push(await this.recomputeIn(m, account, date));
      return out;
    });
  }

  /** Recomputes and upserts the row of `account` on `date` in one transaction. */
  recompute(account: AccountFacts, date: IsoDate): Promise<DailyPnlRecompute> {
    return inTransaction(this.dataSource, (m) => this.recomputeIn(m, account, date));
  }

  private async recomputeIn(m: EntityManager, account: AccountFacts, date: IsoDate): Promise<DailyPnlRecompute> {
    const values = await this.valuesOf(m, account, date);
    const existing = await m.findOne(DailyPnl, { where: { accountId: account.id, tradeDate: date } });
    if (!existing) {
      await m.insert(DailyPnl, { accountId: account.id, tradeDate: date, ...values });
      return { accountId: account.id, tradeDate: date, changed: true, values };
    }
    const changed = FIELDS.some((f) => existing[f] !== values[f]);
    if (changed) await m.update(DailyPnl, existing.id, { ...values });
    return { accountId: account.id, tradeDate: date, changed, values };
  }

  private async valuesOf(m: EntityManager, account: AccountFacts, date: IsoDate): Promise<DailyPnlValues> {
    const dayStart = new Date(epochMsOfIst(date));
    const nextDayStart = new Date(epochMsOfIst(addDays(date, 1)));
    const [closed, active, earlierRows] = await Promise.all([
      positionsClosedBetween(m, account.id, dayStart, nextDayStart),
      activePositionOf(m, account.id),
      m.find(DailyPnl, { where: { accountId: account.id, tradeDate: LessThan(date) } }),
    ]);
    const results = await resultsOfPositions(m, closed, () => account.broker);
    const closedToday = closed.map((p) => {
      const r = results.get(p.id) as PositionResult;
      return { realizedPnlPaise: r.grossPnlPaise, chargesPaise: r.chargesPaise };
    });
    return dailyPnlValues({ allocatedCapitalPaise: account.allocatedCapitalPaise, closedToday, activePosition: active, earlierRows });
  }
}
