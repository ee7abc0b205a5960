import { Injectable } from '@nestjs/common';
import { entryConditionOf, epochMsOfIst, strikeDistanceSigma, type PatternOutcome } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { PatternRecord } from '../entities/pattern-record.entity';
import { ClosedTradesService } from '../trades/closed-trades.service';

const instantOf = (istWall: string) => new Date(epochMsOfIst(istWall.slice(0, 10), `${istWall.slice(11, 16)}:00`));

/**
 * The learning loop's memory: one pattern record per closed position (market condition at
 * entry and outcome), written once. `outcomes` reads them all back for the statistics.
 */
@Injectable()
export class PatternRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trades: ClosedTradesService,
  ) {}

  /** Records every closed position not recorded yet; returns how many were added. */
  async recordNew(): Promise<number> {
    const known = new Set((await this.dataSource.getRepository(PatternRecord).find({ select: { positionId: true } })).map((r) => r.positionId));
    const fresh = (await this.trades.list()).filter((t) => !known.has(t.positionId));
    if (fresh.length === 0) return 0;
    await inTransaction(this.dataSource, async (m) => {
      for (const t of fresh) {
        const f = t.facts;
        await m.insert(PatternRecord, {
          positionId: t.positionId,
          accountId: Number(t.accountId),
          strategyType: t.strategy as PatternRecord['strategyType'],
          enteredAt: instantOf(t.entryAt),
          closedAt: instantOf(t.exitAt),
          vixAtEntry: f.vix ?? null,
          spotAtEntry: f.spot ?? null,
          daysToExpiry: f.daysToExpiry ?? null,
          change3dPct: f.change3dPct ?? null,
          eventsBeforeExpiry: f.eventsBeforeExpiry ?? null,
          strikeSigma: strikeDistanceSigma(f),
          oiSignal: f.oiSignal ?? null,
          sectorVerdict: f.sectorVerdict ?? null,
          condition: { ...entryConditionOf(f) },
          exitReason: t.exitReason,
          grossPnlPaise: t.grossPnlPaise,
          chargesPaise: t.chargesPaise,
          netPnlPaise: t.netPnlPaise,
        });
      }
    });
    return fresh.length;
  }

  async outcomes(): Promise<PatternOutcome[]> {
    const rows = await this.dataSource.getRepository(PatternRecord).find({ order: { positionId: 'ASC' } });
    return rows.map((r) => ({ positionId: String(r.positionId), strategy: r.strategyType, condition: r.condition as unknown as PatternOutcome['condition'], netPnlPaise: r.netPnlPaise }));
  }
}
