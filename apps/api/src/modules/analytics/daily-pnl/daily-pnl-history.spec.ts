import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DAILY_PNL_HISTORY, DAILY_PNL_READER, dailyPnlReaderProvider, type DailyPnlDay, type DailyPnlHistory } from './daily-pnl-history';

const DAYS: DailyPnlDay[] = [
  { tradeDate: '2026-08-03', netPnlPaise: -120_000, peakEquityPaise: 50_000_000 },
  { tradeDate: '2026-08-04', netPnlPaise: 45_000, peakEquityPaise: 50_000_000 },
];

/** Answers for account 7 only and counts its calls: the late-bound reader must reach this instance, found in another module. */
class CountingHistory implements DailyPnlHistory {
  calls = 0;
  async daysOf(accountId: number): Promise<DailyPnlDay[]> {
    this.calls += 1;
    return accountId === 7 ? DAYS : [];
  }
}

/** Stands where the analytics module stands: provides the query without being imported by the reader's module. */
@Module({ providers: [CountingHistory, { provide: DAILY_PNL_HISTORY, useExisting: CountingHistory }] })
class ProvidingModule {}

/** Stands where the risk module stands: only the late-bound reader. */
@Module({ providers: [dailyPnlReaderProvider], exports: [DAILY_PNL_READER] })
class ReadingModule {}

describe('DailyPnlHistory (analytics owns daily_pnl; risk reads it late-bound)', () => {
  it('reaches the query another module provides, on every call', async () => {
    const app = await Test.createTestingModule({ imports: [ReadingModule, ProvidingModule] }).compile();
    const history = app.get<DailyPnlHistory>(DAILY_PNL_READER);
    expect(await history.daysOf(7)).toEqual(DAYS);
    expect(await history.daysOf(8)).toEqual([]);
    expect(app.get(CountingHistory).calls).toBe(2);
    await app.close();
  });

  it('fails the read clearly when no module provides the daily P&L', async () => {
    const app = await Test.createTestingModule({ imports: [ReadingModule] }).compile();
    await expect(app.get<DailyPnlHistory>(DAILY_PNL_READER).daysOf(7)).rejects.toThrow(/mcube:daily-pnl-history/);
    await app.close();
  });
});
