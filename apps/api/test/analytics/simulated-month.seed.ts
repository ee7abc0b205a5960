import { addDays, isoWeekday, seededRandom } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { LearningSettingsService } from '../../src/modules/analytics/learning/learning-settings.service';
import { LearningSuggestionsService } from '../../src/modules/analytics/learning/learning-suggestions.service';
import { PatternLearningService } from '../../src/modules/analytics/learning/pattern-learning.service';
import { PatternRecordsService } from '../../src/modules/analytics/learning/pattern-records.service';
import { WeeklyInsightService } from '../../src/modules/analytics/learning/weekly-insight.service';
import { ClosedTradesService } from '../../src/modules/analytics/trades/closed-trades.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { StrategyParametersService } from '../../src/modules/strategies/parameters/strategy-parameters.service';
import { seedClosedTrade } from './closed-trade-fixtures';

/**
 * A simulated month of closed positions (seed 19): every weekday of November 2026 one Kotak
 * strangle entered at 10:00 and closed at 15:15, with a VIX and days to expiry drawn from the
 * seed; entries at VIX ≥ 22 with 0–1 day left lose, most others win. A futures trade each
 * Wednesday on ICICI. Stored as the orders module stores positions (net of charges reported
 * with the fills), then the learning job's services run once over them (as its 16:30 run
 * would). Used by the browser test of the analytics page, before the built API starts.
 */
export async function seedSimulatedMonth(ds: DataSource): Promise<number> {
  const rnd = seededRandom(19);
  const accounts = await ds.getRepository(BrokerAccount).find();
  const kotak = accounts.find((a) => a.broker === 'KOTAK') as BrokerAccount;
  const icici = accounts.find((a) => a.broker === 'ICICI') as BrokerAccount;
  let trades = 0;
  for (let day = '2026-11-02'; day <= '2026-11-30'; day = addDays(day, 1)) {
    const wd = isoWeekday(day);
    if (wd > 5) continue;
    const dte = (2 - wd + 7) % 7; // weekly expiry on Tuesday
    const vix = Math.round((13 + rnd() * 12) * 10) / 10;
    const losing = (vix >= 22 && dte <= 1) || rnd() < 0.25;
    const gross = losing ? -Math.round(40_000_00 + rnd() * 60_000_00) : Math.round(20_000_00 + rnd() * 40_000_00);
    await seedClosedTrade(ds, { accountId: kotak.id, openedAt: `${day} 10:00`, closedAt: `${day} 15:15`, expiryDate: addDays(day, dte), exitReason: losing ? 'STOP_LOSS' : rnd() < 0.5 ? 'TARGET' : 'EOD_PROFIT', grossPaise: gross, chargesPaise: 1_800_00, journal: { vix, daysToExpiry: dte } });
    trades += 1;
    if (wd === 3) {
      const futGross = rnd() < 0.5 ? -Math.round(15_000_00 + rnd() * 20_000_00) : Math.round(25_000_00 + rnd() * 30_000_00);
      await seedClosedTrade(ds, { accountId: icici.id, strategyType: 'LLM_VALIDATED_FUTURES', openedAt: `${day} 09:45`, closedAt: `${day} 14:30`, expiryDate: '2026-11-24', exitReason: futGross < 0 ? 'STOP_LOSS' : 'TARGET', grossPaise: futGross, chargesPaise: 60_000 });
      trades += 1;
    }
  }
  // The learning job's run, with a minimum of 3 samples stored for the strangle.
  const audit = new AuditService(ds.getRepository(AuditLogEntity));
  const settings = new LearningSettingsService(ds, audit);
  await settings.update('WEEKLY_NIFTY_STRANGLE', { minSamples: 3, minWinRateGapFraction: 0.25 });
  const records = new PatternRecordsService(ds, new ClosedTradesService(ds));
  const suggestions = new LearningSuggestionsService(ds, settings, new StrategyParametersService(ds.getRepository(StrategyConfig), audit), audit);
  await new PatternLearningService(ds, records, suggestions, settings, new WeeklyInsightService(ds, null)).run(Date.parse('2026-11-30T11:00:00Z'));
  return trades;
}
