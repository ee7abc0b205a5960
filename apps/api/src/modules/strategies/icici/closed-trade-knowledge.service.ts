import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { FuturesPositionResponse } from '@mcube/contracts';
import { istDateTimeOf, type Clock, type KnowledgeStore } from '@mcube/domain';
import { closedTradeDocument } from '@mcube/llm';
import { DataSource } from 'typeorm';
import { WALL_CLOCK } from '../../core/clock/clock.token';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { KNOWLEDGE_STORE } from '../../llm/llm.tokens';
import { latestClosedPositionsOf, positionById } from '../../positions/position-reads';
import { FuturesPositionViewService } from './futures-position-view.service';
import { ICICI_STRATEGY_TYPE } from './gateway-futures-orders';

/** Closed positions looked at on boot (newest first): those closed while no process listened. */
const BACKFILL_LIMIT = 200;

const rupees = (paise: number | null) => (paise === null ? 'n/a' : String(paise / 100));

/** The decision journal's inputs of a closed trade as one readable paragraph (score, OI, sector, technicals, verdict, approvals). */
export function decisionInputsText(v: FuturesPositionResponse): string {
  const parts: string[] = [];
  const req = v.entryApproval?.request ?? {};
  const candidate = req['candidate'] as
    | { score?: { score?: number; minimum?: number; components?: Record<string, number> }; openInterest?: { signal?: string; pcr?: number | null; confidence?: number }; sector?: { index?: string; verdict?: string }; technicals?: { rsi?: number | null; emaTrend?: string; atrPct?: number | null } }
    | null
    | undefined;
  if (candidate?.score) {
    const comps = Object.entries(candidate.score.components ?? {})
      .map(([k, n]) => `${k} ${Math.round(n * 100) / 100}`)
      .join(', ');
    parts.push(`screen score ${candidate.score.score} (minimum ${candidate.score.minimum}; ${comps})`);
  }
  if (candidate?.openInterest) parts.push(`OI ${candidate.openInterest.signal} (confidence ${candidate.openInterest.confidence}, PCR ${candidate.openInterest.pcr ?? 'n/a'})`);
  if (candidate?.sector) parts.push(`sector ${candidate.sector.index} ${candidate.sector.verdict}`);
  if (candidate?.technicals) parts.push(`RSI ${candidate.technicals.rsi ?? 'n/a'}, EMA trend ${candidate.technicals.emaTrend}, ATR ${candidate.technicals.atrPct ?? 'n/a'}%`);
  const validation = req['validation'] as { label?: string; passed?: boolean; reason?: string; verdict?: { verdict?: string; confidence?: number; reasons?: string[] } | null } | null | undefined;
  if (validation) parts.push(`validator (${validation.label}): ${validation.verdict ? `${validation.verdict.verdict} ${validation.verdict.confidence}` : 'no verdict'}; ${validation.reason}`);
  if (v.entryApproval) parts.push(`entry approved by ${v.entryApproval.decidedBy ?? 'n/a'}`);
  parts.push(`planned stop ${rupees(v.stopLossPricePaise)}, target ${rupees(v.targetPricePaise)}`);
  for (const a of v.averagingAttempts) parts.push(`averaging attempt ${a.attempt ?? '?'} ${a.approval.status.toLowerCase()}${a.approval.decidedBy ? ` by ${a.approval.decidedBy}` : ''}${a.approval.reason ? ` (${a.approval.reason})` : ''}${a.order ? `, order ${a.order.status}` : ''}`);
  if (v.exitRule.latest) parts.push(`exit decision ${v.exitRule.latest.code}: ${v.exitRule.latest.reason}`);
  return `${parts.join('; ')}.`;
}

/**
 * Keeps every closed ICICI futures trade in the knowledge store, so later validations recall
 * how similar trades ended: on each `position.updated` CLOSED of an ICICI position, and on boot
 * for closed positions the store lacks (closed while no process listened). The document
 * (`trade:<position id>`, kind TRADE) holds the outcome and the decision journal's inputs
 * (score breakdown, OI, sector, technicals, validator verdict, approvals, exit rule). Upserting
 * the same id again replaces it, so a repeated event is harmless. A store failure is logged,
 * never thrown into the fill path.
 */
@Injectable()
export class ClosedTradeKnowledgeService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ClosedTradeKnowledge');
  private unsubscribe: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: FuturesPositionViewService,
    private readonly bus: AppEventsBus,
    @Inject(KNOWLEDGE_STORE) private readonly store: KnowledgeStore,
    /** Wall time: when the document was written. */
    @Inject(WALL_CLOCK) private readonly wall: Clock,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((m) => {
      if (m.event === 'position.updated' && m.data.status === 'CLOSED') this.enqueue(() => this.record(m.data.positionId));
    });
  }

  onApplicationBootstrap(): void {
    this.enqueue(() => this.backfill());
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Resolves when every write started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** Writes the trade document of a closed ICICI position; false when the position is not one (or not closed). */
  async record(positionId: number): Promise<boolean> {
    const position = await positionById(this.dataSource, positionId);
    if (!position || position.strategyType !== ICICI_STRATEGY_TYPE || position.status !== 'CLOSED') return false;
    const v = await this.views.view(positionId);
    const candidateScore = (v.entryApproval?.request['candidate'] as { score?: { score?: number } } | null | undefined)?.score?.score;
    const verdict = (v.entryApproval?.request['validation'] as { verdict?: { verdict?: string } | null } | null | undefined)?.verdict?.verdict;
    await this.store.upsert(
      closedTradeDocument({
        positionId: String(v.id),
        underlying: v.underlying,
        contract: `${v.underlying}-${v.expiry}-FUT`,
        direction: v.direction ?? 'LONG',
        entryPrice: (v.entryPricePaise ?? 0) / 100,
        exitPrice: (v.exitPricePaise ?? 0) / 100,
        quantity: v.orders.filter((o) => o.purpose === 'ENTRY' || o.purpose === 'AVERAGE').reduce((s, o) => s + o.filledQuantity, 0),
        pnlPaise: v.realizedPnlPaise,
        exitReason: v.exitReason ?? 'UNKNOWN',
        openedDate: istDateTimeOf(v.openedAtMs).date,
        closedDate: istDateTimeOf(v.closedAtMs ?? v.openedAtMs).date,
        averagingAttempts: v.averagingCount,
        decisionInputs: decisionInputsText(v),
        metadata: { accountId: v.accountId, ...(typeof candidateScore === 'number' ? { score: candidateScore } : {}), ...(verdict ? { verdict } : {}) },
        createdAtMs: this.wall.nowMs(),
      }),
    );
    return true;
  }

  /** Records the closed ICICI positions (newest first, at most BACKFILL_LIMIT) the store does not hold yet; returns their ids. */
  async backfill(): Promise<number[]> {
    const closed = await latestClosedPositionsOf(this.dataSource, ICICI_STRATEGY_TYPE, BACKFILL_LIMIT);
    const added: number[] = [];
    for (const p of closed) {
      if (await this.store.get(`trade:${p.id}`)) continue;
      if (await this.record(p.id)) added.push(p.id);
    }
    return added;
  }

  private enqueue(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(work).catch((err: unknown) => this.logger.warn(`a closed trade was not stored in the knowledge store: ${(err as Error).message}`));
  }
}
