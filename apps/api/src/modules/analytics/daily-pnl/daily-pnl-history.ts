import { Injectable, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { DailyPnl } from '../entities/daily-pnl.entity';

/** One stored day of an account's P&L as readers outside analytics see it (paise). */
export interface DailyPnlDay {
  readonly tradeDate: string;
  readonly netPnlPaise: number;
  readonly peakEquityPaise: number;
}

/**
 * The analytics module's query service over `daily_pnl` for other modules (the risk context,
 * the breaker and the loss-limit warning): every stored day of an account. Analytics owns the
 * table; readers import this file, never its entity.
 */
export interface DailyPnlHistory {
  /** Every stored day of the account; reads through `manager` when given (inside a transaction). */
  daysOf(accountId: number, manager?: EntityManager): Promise<DailyPnlDay[]>;
}

/** Token under which the analytics module provides `DailyPnlHistoryQuery`. */
export const DAILY_PNL_HISTORY = Symbol('mcube:daily-pnl-history');

/** Token a reader injects: `DAILY_PNL_HISTORY`, looked up when first used (see `dailyPnlHistoryReaderProvider`). */
export const DAILY_PNL_READER = Symbol('mcube:daily-pnl-reader');

/** The implementation over the table. */
@Injectable()
export class DailyPnlHistoryQuery implements DailyPnlHistory {
  constructor(private readonly dataSource: DataSource) {}

  daysOf(accountId: number, manager: EntityManager = this.dataSource.manager): Promise<DailyPnlDay[]> {
    return manager.find(DailyPnl, { where: { accountId } });
  }
}

/**
 * `DailyPnlHistory` resolved on first use, for a module that analytics (indirectly) imports and
 * so cannot import it back (risk): looked up across the app when first asked, by then booted.
 * Throws when no module provides `DAILY_PNL_HISTORY`.
 */
export class LateBoundDailyPnlHistory implements DailyPnlHistory {
  private target?: DailyPnlHistory;

  constructor(private readonly resolve: () => DailyPnlHistory) {}

  async daysOf(accountId: number, manager?: EntityManager): Promise<DailyPnlDay[]> {
    this.target ??= this.resolve();
    return this.target.daysOf(accountId, manager);
  }
}

/** Provides `DAILY_PNL_READER` for a reader module. */
export const dailyPnlReaderProvider: Provider = {
  provide: DAILY_PNL_READER,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): DailyPnlHistory => new LateBoundDailyPnlHistory(() => ref.get<DailyPnlHistory>(DAILY_PNL_HISTORY, { strict: false })),
};
