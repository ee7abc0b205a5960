import { Injectable } from '@nestjs/common';
import { formatPaise } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import type { BrokerCode } from '@mcube/contracts';
import { brokersByAccount } from '../../accounts/account-reads';
import { closedPositions } from '../../positions/position-reads';
import { StrategyLearning } from '../entities/strategy-learning.entity';
import type { StrategyType } from '../../strategies/entities/strategy-type';
import { resultsOfPositions, type PositionResult } from '../daily-pnl/position-charges';
import { closedPositionStats, type ClosedPositionResult, type ClosedPositionStats } from './closed-position-stats';

/** The one pattern learned so far: every closed position of the strategy (no pattern split yet). */
export const ALL_CLOSED_PATTERN = 'ALL_CLOSED_POSITIONS';

/** What one strategy's update did. */
export interface LearningUpdate {
  readonly strategyType: StrategyType;
  readonly stats: ClosedPositionStats;
  /** False when the stored row already held these figures (a redelivery). */
  readonly changed: boolean;
}

function insightsOf(s: ClosedPositionStats): string {
  const pf = s.profitFactor === null ? 'undefined (no losing position)' : s.profitFactor.toFixed(2);
  return (
    `${s.count} closed position${s.count === 1 ? '' : 's'}, ${s.profitable} profitable (${(100 * s.winRate).toFixed(1)}%). ` +
    `Net ${formatPaise(s.totalNetPnlPaise)} after charges, average ${formatPaise(s.avgNetPnlPaise)} per position. ` +
    `Gross profit ${formatPaise(s.grossProfitPaise)}, gross loss ${formatPaise(s.grossLossPaise)}, profit factor ${pf}. ` +
    `Percentages are net P&L over the margin each position used.`
  );
}

/**
 * The after-close learning update: for each strategy with closed positions, plain statistics
 * of every closed position (win rate, average P&L, count, profit factor; net of charges) in
 * its `ALL_CLOSED_POSITIONS` StrategyLearning row (the patterns are `PatternLearningService`'s).
 * Recomputed from scratch, so a rerun with nothing new writes nothing.
 */
@Injectable()
export class LearningUpdateService {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<LearningUpdate[]> {
    const brokers = await brokersByAccount(this.dataSource);
    const closed = await closedPositions(this.dataSource);
    const known = closed.filter((p) => brokers.has(p.accountId));
    const results = await resultsOfPositions(this.dataSource.manager, known, (p) => brokers.get(p.accountId) as BrokerCode);
    const byStrategy = new Map<StrategyType, ClosedPositionResult[]>();
    for (const p of known) {
      const { netPnlPaise } = results.get(p.id) as PositionResult;
      byStrategy.set(p.strategyType, [...(byStrategy.get(p.strategyType) ?? []), { netPnlPaise, marginUsedPaise: p.marginUsedPaise }]);
    }
    const out: LearningUpdate[] = [];
    for (const [strategyType, results] of [...byStrategy.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const stats = closedPositionStats(results);
      out.push({ strategyType, stats, changed: await this.store(strategyType, stats) });
    }
    return out;
  }

  private store(strategyType: StrategyType, s: ClosedPositionStats): Promise<boolean> {
    const figures = {
      timesOccurred: s.count,
      timesProfitable: s.profitable,
      avgProfitPct: s.avgProfitPct,
      avgLossPct: s.avgLossPct,
      winRate: s.winRate,
      // The column cannot hold "undefined": 0 with the reason in `insights`.
      profitFactor: s.profitFactor ?? 0,
      netPnlPaise: s.totalNetPnlPaise,
      avgNetPnlPaise: s.avgNetPnlPaise,
      insights: insightsOf(s),
    };
    return inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOne(StrategyLearning, { where: { strategyType, patternName: ALL_CLOSED_PATTERN } });
      if (!existing) {
        await m.insert(StrategyLearning, {
          strategyType,
          patternName: ALL_CLOSED_PATTERN,
          patternDescription: 'Every closed position of the strategy, whatever its entry and market conditions (statistics only).',
          entryConditions: {},
          marketConditions: {},
          ...figures,
        });
        return true;
      }
      const changed = (Object.keys(figures) as (keyof typeof figures)[]).some((k) => existing[k] !== figures[k]);
      if (changed) await m.update(StrategyLearning, existing.id, figures);
      return changed;
    });
  }
}
