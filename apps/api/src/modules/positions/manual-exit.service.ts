import { Inject, Injectable } from '@nestjs/common';
import { isTerminal, type Clock, type OrderSide } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { inTransaction } from '../../database/in-transaction';
import { ContractQuotes } from '../data/market/contract-quotes';
import type { SubmitResult } from '../orders/gateway-intent';
import { OrdersService } from '../orders/order-gateway.service';
import { exitOrdersOfLeg } from '../orders/order-reads';
import { PositionLeg } from './entities/position-leg.entity';
import { Position, type PositionExitOwner } from './entities/position.entity';
import { legExitFacts } from './leg-exit-facts';
import { legInstrumentOf } from './position-state';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** Who asks, and the exit code the position keeps. */
const REASON_OF: Record<Exclude<PositionExitOwner, 'STRATEGY'>, string> = { PERSON: 'MANUAL', BREAKER: 'CIRCUIT_BREAKER' };

/**
 * A person's (or the breaker's) "close this position". It is stored first (the position is
 * EXITING, owner PERSON or BREAKER: the exit chaser then works every leg until it is flat, across
 * restarts; a breaker's exit is not downgraded by a later click), then one EXIT intent per open
 * leg not already covered by a working exit, each through the order gateway (risk checks,
 * throttle, journal), as a protected limit around the touch it must cross NOW (ask to buy back,
 * bid to sell; the last price, then the last mark, then the entry price when the market has
 * none). Idempotent per leg, open quantity and attempt: a double click sends nothing more, a new
 * click after an exit ended unfilled (canceled, rejected, denied) is a new attempt.
 * Throws NOT_FOUND, CONFLICT (not ACTIVE or flat).
 */
@Injectable()
export class ManualExitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly quotes: ContractQuotes,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
  ) {}

  /** Marks the position EXITING for `owner` and submits the missing exits; returns one gateway result per order sent. */
  async exit(positionId: number, reason: string, owner: Exclude<PositionExitOwner, 'STRATEGY'> = 'PERSON'): Promise<{ positionId: number; reason: string; exits: SubmitResult[] }> {
    const position = await this.markExiting(positionId, owner);
    const legs = (await this.dataSource.getRepository(PositionLeg).find({ where: { positionId }, order: { id: 'ASC' } })).filter((l) => l.quantity > 0);
    const exits: SubmitResult[] = [];
    for (const facts of await legExitFacts(this.dataSource.manager, position, legs)) {
      const covered = facts.working.reduce((sum, o) => sum + o.quantity - o.filledQuantity, 0);
      if (facts.leg.quantity - covered > 0) exits.push(await this.sendLeg(position, facts.leg, facts.leg.quantity - covered));
    }
    return { positionId, reason, exits };
  }

  /**
   * A person's exit of ONE leg: one EXIT of its open quantity not already covered by a working
   * exit (idempotent like `exit`). The position is not marked EXITING: the other legs stay, and
   * this exit is not chased. Throws NOT_FOUND, CONFLICT (position not ACTIVE, leg flat or covered).
   */
  async exitLeg(positionId: number, legId: number, reason: string): Promise<{ positionId: number; legId: number; reason: string; exit: SubmitResult }> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { id: positionId } });
    const leg = await this.dataSource.getRepository(PositionLeg).findOne({ where: { id: legId, positionId } });
    if (!position || !leg) throw new AppException('NOT_FOUND', `leg ${legId} of position ${positionId} not found`);
    if (position.status !== 'ACTIVE') throw new AppException('CONFLICT', `position ${positionId} is ${position.status}`);
    if (leg.quantity === 0) throw new AppException('CONFLICT', `leg ${legId} is flat`);
    const [facts] = await legExitFacts(this.dataSource.manager, position, [leg]);
    const open = leg.quantity - facts.working.reduce((sum, o) => sum + o.quantity - o.filledQuantity, 0);
    if (open <= 0) throw new AppException('CONFLICT', `leg ${legId} already has a working exit`);
    return { positionId, legId, reason, exit: await this.sendLeg(position, leg, open) };
  }

  /**
   * One EXIT of `quantity` units of `leg` at the touch it must cross now (the chaser's re-send,
   * and each leg of `exit`).
   */
  async sendLeg(position: Position, leg: PositionLeg, quantity: number): Promise<SubmitResult> {
    const side: OrderSide = leg.side === 'BUY' ? 'SELL' : 'BUY';
    const previous = await exitOrdersOfLeg(this.dataSource, position.id, leg.tradingSymbol);
    const attempt = previous.filter((o) => isTerminal(o.status) && o.filledQuantity < o.quantity).length;
    return this.orders.submit({
      accountId: position.accountId,
      segment: leg.instrumentType === 'FUT' ? 'NFO-FUT' : 'NFO-OPT',
      instrument: {
        underlying: leg.underlying,
        kind: leg.instrumentType === 'FUT' ? 'FUT' : 'OPT',
        expiry: leg.expiryDate,
        strike: leg.strike ?? undefined,
        optionType: leg.instrumentType === 'FUT' ? undefined : leg.instrumentType,
        tradingSymbol: leg.tradingSymbol,
        instrumentToken: leg.instrumentToken ?? undefined,
      },
      side,
      quantity,
      orderType: 'MARKET',
      limitPrice: await this.referencePrice(position.accountId, leg, side),
      purpose: 'EXIT',
      positionId: position.id,
      idempotencyKey: `manual-exit:${position.id}:${leg.id}:${quantity}:${attempt}`,
    });
  }

  /** Stores the exit request (kept: its first time; upgraded: the owner, PERSON over STRATEGY, BREAKER over both). */
  private markExiting(positionId: number, owner: Exclude<PositionExitOwner, 'STRATEGY'>): Promise<Position> {
    return inTransaction(this.dataSource, async (m) => {
      const position = await m.findOne(Position, { where: { id: positionId } });
      if (!position) throw new AppException('NOT_FOUND', `position ${positionId} not found`);
      if (position.status !== 'ACTIVE') throw new AppException('CONFLICT', `position ${positionId} is ${position.status}`);
      if ((await m.find(PositionLeg, { where: { positionId } })).every((l) => l.quantity === 0)) throw new AppException('CONFLICT', `position ${positionId} has no open leg`);
      const keepBreaker = position.exitOwner === 'BREAKER';
      position.exitOwner = keepBreaker ? 'BREAKER' : owner;
      position.exitReason = REASON_OF[position.exitOwner as 'PERSON' | 'BREAKER'];
      position.exitRequestedAt ??= new Date(this.clock.nowMs());
      await m.update(Position, positionId, { exitOwner: position.exitOwner, exitReason: position.exitReason, exitRequestedAt: position.exitRequestedAt });
      return position;
    });
  }

  /** Rupees: the touch the exit must cross now, else the last price, the last mark, the entry price. */
  private async referencePrice(accountId: number, leg: PositionLeg, side: OrderSide): Promise<number> {
    const quote = await this.quotes.ofContract(legInstrumentOf(leg), accountId).catch(() => undefined);
    const touch = side === 'BUY' ? quote?.ask : quote?.bid;
    const live = [touch, quote?.lastPrice].find((p): p is number => p !== undefined && Number.isFinite(p) && p > 0);
    return live ?? (leg.lastPricePaise ?? leg.avgPricePaise) / 100;
  }
}
