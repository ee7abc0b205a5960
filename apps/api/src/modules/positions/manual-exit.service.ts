import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { SubmitResult } from '../orders/gateway-intent';
import { OrdersService } from '../orders/submit-order.service';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';

/**
 * A person's "close this position": one EXIT intent per open leg, each through the order
 * gateway (so the risk checks, throttle and journal apply), as a protected limit around the
 * leg's last mark (its entry price when never marked). Idempotent per leg and open quantity:
 * a double click sends one exit per leg. Throws NOT_FOUND, CONFLICT (not ACTIVE or flat).
 */
@Injectable()
export class ManualExitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
  ) {}

  /** Submits the exits; returns one gateway result per leg. */
  async exit(positionId: number, reason: string): Promise<{ positionId: number; reason: string; exits: SubmitResult[] }> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { id: positionId } });
    if (!position) throw new AppException('NOT_FOUND', `position ${positionId} not found`);
    if (position.status !== 'ACTIVE') throw new AppException('CONFLICT', `position ${positionId} is ${position.status}`);
    const legs = (await this.dataSource.getRepository(PositionLeg).find({ where: { positionId } })).filter((l) => l.quantity > 0);
    if (legs.length === 0) throw new AppException('CONFLICT', `position ${positionId} has no open leg`);
    const exits: SubmitResult[] = [];
    for (const leg of legs) {
      exits.push(
        await this.orders.submit({
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
          side: leg.side === 'BUY' ? 'SELL' : 'BUY',
          quantity: leg.quantity,
          orderType: 'MARKET',
          limitPrice: (leg.lastPricePaise ?? leg.avgPricePaise) / 100,
          purpose: 'EXIT',
          positionId,
          idempotencyKey: `manual-exit:${positionId}:${leg.id}:${leg.quantity}`,
        }),
      );
    }
    return { positionId, reason, exits };
  }
}
