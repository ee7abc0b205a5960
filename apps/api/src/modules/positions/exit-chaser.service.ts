import { Inject, Injectable, Logger } from '@nestjs/common';
import { paiseOfPrice, type Clock } from '@mcube/domain';
import { DataSource, IsNull, Not } from 'typeorm';
import { killSwitchStateOf } from '../accounts/account-reads';
import { ContractQuotes } from '../data/market/contract-quotes';
import { CancelOrderService } from '../orders/cancel-order.service';
import type { OrderFacts } from '../orders/order-reads';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';
import { legExitFacts, type LegExitFacts } from './leg-exit-facts';
import { ManualExitService } from './manual-exit.service';
import { POSITION_STRATEGIES, type PositionStrategies } from './ports/position-strategies.port';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** A working exit is chased once it has rested this long behind the touch (market time). */
export const CHASE_AFTER_MS = 10_000;

/** Who asks for the chaser's cancels (journaled on CANCEL_REQUESTED; a person's cancel is never this). */
export const CHASER = 'system:exit-chaser';

/** What one pass did. */
export interface ChaseReport {
  /** Exit orders whose cancel was requested because the market ran away from their limit. */
  canceled: number[];
  /** Legs whose exit was sent again at the fresh touch. */
  resent: { positionId: number; tradingSymbol: string }[];
}

/**
 * Makes an exit of a position actually close it, leg by leg: for every ACTIVE position whose
 * exit was requested (stored on the position: this survives a restart) and is the chaser's to
 * work (a person's or the breaker's; a strategy's too when no active strategy of that type runs
 * on the account any more), each open leg is looked at on its own (`legExitFacts`):
 * - WORKING: an exit that rested `CHASE_AFTER_MS` and no longer crosses the touch is canceled;
 * - CHASING (nothing working, the last exit canceled by the chaser or the broker, rejected or
 *   denied): sent again for the leg's open quantity at the touch it must cross now, through the
 *   gateway (a refusal waits `CHASE_AFTER_MS` before the next try; nothing is sent while the kill
 *   switch HALTED the account: only cancels may leave);
 * - HELD (a person canceled the leg's exit), FLAT: left alone.
 * Run after each monitoring pass. A fill that beats a cancel simply closes the leg.
 */
@Injectable()
export class ExitChaserService {
  private readonly logger = new Logger('ExitChaser');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly quotes: ContractQuotes,
    private readonly cancels: CancelOrderService,
    private readonly exits: ManualExitService,
    @Inject(POSITION_STRATEGIES) private readonly strategies: PositionStrategies,
  ) {}

  /** One pass over the exiting positions. */
  async chase(): Promise<ChaseReport> {
    const report: ChaseReport = { canceled: [], resent: [] };
    const exiting = await this.dataSource.getRepository(Position).find({ where: { status: 'ACTIVE', exitRequestedAt: Not(IsNull()) }, order: { id: 'ASC' } });
    for (const position of exiting) {
      if (!(await this.isMine(position))) continue;
      try {
        await this.chasePosition(position, report);
      } catch (error) {
        this.logger.warn(`exit of position ${position.id} not chased: ${(error as Error).message}`);
      }
    }
    return report;
  }

  private async chasePosition(position: Position, report: ChaseReport): Promise<void> {
    const now = this.clock.nowMs();
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id }, order: { id: 'ASC' } });
    const halted = (await killSwitchStateOf(this.dataSource, position.accountId)) === 'HALTED';
    for (const facts of await legExitFacts(this.dataSource.manager, position, legs)) {
      if (facts.state === 'WORKING') {
        for (const order of facts.working) {
          if (!(await this.behindTheMarket(order, now))) continue;
          await this.cancels.cancel(order.id, CHASER).then(
            () => report.canceled.push(order.id),
            (e: unknown) => this.logger.warn(`could not cancel exit order ${order.id}: ${(e as Error).message}`),
          );
        }
      } else if (facts.state === 'CHASING' && !halted && this.mayResend(facts, now)) {
        await this.exits.sendLeg(position, facts.leg, facts.leg.quantity).then(
          () => report.resent.push({ positionId: position.id, tradingSymbol: facts.leg.tradingSymbol }),
          (e: unknown) => this.logger.warn(`could not re-send the exit of ${facts.leg.tradingSymbol} (position ${position.id}): ${(e as Error).message}`),
        );
      }
    }
  }

  /** A refused exit (denied, rejected) is tried again only after `CHASE_AFTER_MS`; one the market left behind at once. */
  private mayResend(facts: LegExitFacts, nowMs: number): boolean {
    const last = facts.last;
    if (!last || (last.status !== 'DENIED' && last.status !== 'REJECTED')) return true;
    return nowMs - (last.lastEventAt ?? last.createdAt).getTime() >= CHASE_AFTER_MS;
  }

  /** A person's or the breaker's exit; a strategy's only when no active strategy of its type is there to re-price it. */
  private async isMine(position: Position): Promise<boolean> {
    if (position.exitOwner !== 'STRATEGY') return true;
    return !(await this.strategies.isActive(position.accountId, position.strategyType));
  }

  /** True when an accepted exit has rested long enough and its limit no longer crosses the touch. */
  private async behindTheMarket(order: OrderFacts, nowMs: number): Promise<boolean> {
    if (order.status !== 'ACCEPTED' && order.status !== 'PARTIALLY_FILLED') return false;
    if (order.submittedAt === null || order.expiryDate === null || nowMs - order.submittedAt.getTime() < CHASE_AFTER_MS || order.limitPricePaise === null) return false;
    const kind = order.instrumentType === 'FUT' ? ('FUT' as const) : ('OPT' as const);
    const instrument = { underlying: order.underlying, kind, expiry: order.expiryDate as string, strike: order.strike ?? undefined, optionType: kind === 'FUT' ? undefined : (order.instrumentType as 'CE' | 'PE') };
    const quote = await this.quotes.ofContract(instrument, order.accountId).catch(() => undefined);
    const touch = order.side === 'BUY' ? quote?.ask : quote?.bid;
    if (touch === undefined || !(touch > 0)) return false;
    const touchPaise = paiseOfPrice(touch);
    return order.side === 'BUY' ? touchPaise > order.limitPricePaise : touchPaise < order.limitPricePaise;
  }
}
