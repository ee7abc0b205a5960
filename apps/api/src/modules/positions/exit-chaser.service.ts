import { Inject, Injectable, Logger } from '@nestjs/common';
import { contractSymbol } from '@mcube/market-sim';
import { isTerminal, paiseOfPrice, type Clock, type MarketDataPort } from '@mcube/domain';
import { DataSource, In } from 'typeorm';
import { CLOCK } from '../core/clock/clock.token';
import { MARKET_DATA } from '../data/source/market-data.tokens';
import { CancelOrderService } from '../orders/cancel-order.service';
import { Order } from '../orders/entities/order.entity';
import { Position } from './entities/position.entity';
import { ManualExitService } from './manual-exit.service';

/** A working exit is chased once it has rested this long behind the touch (market time). */
export const CHASE_AFTER_MS = 10_000;

/** What one pass did. */
export interface ChaseReport {
  /** Exit orders whose cancel was requested because the market ran away from their limit. */
  canceled: number[];
  /** Positions whose exit was sent again at the fresh touch. */
  resent: number[];
}

/**
 * Makes a person's exit (and a breaker's: both go through `ManualExitService`) actually close
 * the position: a protected-limit EXIT left behind a moving market is canceled, and once the
 * cancel is settled the exit is sent again at the touch it must cross now (a new attempt of the
 * same manual exit, through the gateway and its risk checks). Strategy exits are left alone:
 * the strategy re-prices its own; an exit a person canceled is not sent again. Run after each monitoring pass; never sends twice for one
 * position while an exit is working. A fill that beats the cancel simply closes the position.
 */
@Injectable()
export class ExitChaserService {
  private readonly logger = new Logger('ExitChaser');
  /** Exit orders this service canceled: only those are sent again (a person's own cancel is respected; lost on restart, so never resent twice). */
  private readonly chased = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    private readonly cancels: CancelOrderService,
    private readonly exits: ManualExitService,
  ) {}

  /** One pass over the ACTIVE positions' non-strategy EXIT orders. */
  async chase(): Promise<ChaseReport> {
    const report: ChaseReport = { canceled: [], resent: [] };
    const active = await this.dataSource.getRepository(Position).find({ where: { status: 'ACTIVE' } });
    if (active.length === 0) return report;
    const exits = await this.dataSource.getRepository(Order).find({ where: { positionId: In(active.map((p) => p.id)), purpose: 'EXIT' }, order: { id: 'ASC' } });
    const now = this.clock.nowMs();
    for (const position of active) {
      const all = exits.filter((o) => o.positionId === position.id);
      const mine = all.filter((o) => o.strategyType === null);
      if (mine.length === 0) continue;
      const working = all.filter((o) => !isTerminal(o.status));
      for (const order of working.filter((o) => o.strategyType === null)) {
        if (await this.behindTheMarket(order, now)) {
          await this.cancels.cancel(order.id).then(
            () => {
              this.chased.add(order.id);
              report.canceled.push(order.id);
            },
            (e: unknown) => this.logger.warn(`could not cancel exit order ${order.id}: ${(e as Error).message}`),
          );
        }
      }
      // Nothing is working on the position and the last manual exit is one this service canceled: send again.
      const last = mine[mine.length - 1];
      if (working.length === 0 && last.status === 'CANCELED' && this.chased.delete(last.id)) {
        await this.exits.exit(position.id, 'exit chased: the previous limit was left behind by the market').then(
          () => report.resent.push(position.id),
          (e: unknown) => this.logger.warn(`could not re-send the exit of position ${position.id}: ${(e as Error).message}`),
        );
      }
    }
    return report;
  }

  /** True when an accepted exit has rested long enough and its limit no longer crosses the touch. */
  private async behindTheMarket(order: Order, nowMs: number): Promise<boolean> {
    if (order.status !== 'ACCEPTED' && order.status !== 'PARTIALLY_FILLED') return false;
    if (order.submittedAt === null || order.expiryDate === null || nowMs - order.submittedAt.getTime() < CHASE_AFTER_MS || order.limitPricePaise === null) return false;
    const kind = order.instrumentType === 'FUT' ? ('FUT' as const) : ('OPT' as const);
    const instrument = { underlying: order.underlying, kind, expiry: order.expiryDate as string, strike: order.strike ?? undefined, optionType: kind === 'FUT' ? undefined : (order.instrumentType as 'CE' | 'PE') };
    const quote = await this.market.quote(contractSymbol(instrument)).catch(() => undefined);
    const touch = order.side === 'BUY' ? quote?.ask : quote?.bid;
    if (touch === undefined || !(touch > 0)) return false;
    const touchPaise = paiseOfPrice(touch);
    return order.side === 'BUY' ? touchPaise > order.limitPricePaise : touchPaise < order.limitPricePaise;
  }
}
