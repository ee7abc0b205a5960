import { Inject, Injectable } from '@nestjs/common';
import { contractSymbol } from '@mcube/market-sim';
import { isTerminal, type MarketDataPort, type OrderSide } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { MARKET_DATA } from '../data/source/market-data.tokens';
import { Order } from '../orders/entities/order.entity';
import type { SubmitResult } from '../orders/gateway-intent';
import { OrdersService } from '../orders/submit-order.service';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';

/**
 * A person's "close this position": one EXIT intent per open leg, each through the order
 * gateway (so the risk checks, throttle and journal apply), as a protected limit around the
 * touch it must cross NOW (ask to buy back, bid to sell; the last price, then the last mark,
 * then the entry price when the market has none): a stale mark could leave the exit working
 * behind a moved option. Idempotent per leg, open quantity and attempt: a double click sends
 * one exit per leg, while a new click after an exit ended unfilled (canceled, rejected,
 * denied) is a new attempt. Throws NOT_FOUND, CONFLICT (not ACTIVE or flat).
 */
@Injectable()
export class ManualExitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
  ) {}

  /** Submits the exits; returns one gateway result per leg. */
  async exit(positionId: number, reason: string): Promise<{ positionId: number; reason: string; exits: SubmitResult[] }> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { id: positionId } });
    if (!position) throw new AppException('NOT_FOUND', `position ${positionId} not found`);
    if (position.status !== 'ACTIVE') throw new AppException('CONFLICT', `position ${positionId} is ${position.status}`);
    const legs = (await this.dataSource.getRepository(PositionLeg).find({ where: { positionId } })).filter((l) => l.quantity > 0);
    if (legs.length === 0) throw new AppException('CONFLICT', `position ${positionId} has no open leg`);
    const previous = await this.dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' } });
    const exits: SubmitResult[] = [];
    for (const leg of legs) {
      const side: OrderSide = leg.side === 'BUY' ? 'SELL' : 'BUY';
      const attempt = previous.filter((o) => o.tradingSymbol === leg.tradingSymbol && isTerminal(o.status) && o.filledQuantity < o.quantity).length;
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
          side,
          quantity: leg.quantity,
          orderType: 'MARKET',
          limitPrice: await this.referencePrice(leg, side),
          purpose: 'EXIT',
          positionId,
          idempotencyKey: `manual-exit:${positionId}:${leg.id}:${leg.quantity}:${attempt}`,
        }),
      );
    }
    return { positionId, reason, exits };
  }

  /** Rupees: the touch the exit must cross now, else the last price, the last mark, the entry price. */
  private async referencePrice(leg: PositionLeg, side: OrderSide): Promise<number> {
    const kind = leg.instrumentType === 'FUT' ? ('FUT' as const) : ('OPT' as const);
    const instrument = { underlying: leg.underlying, kind, expiry: leg.expiryDate, strike: leg.strike ?? undefined, optionType: kind === 'FUT' ? undefined : (leg.instrumentType as 'CE' | 'PE') };
    const quote = await this.market.quote(contractSymbol(instrument)).catch(() => undefined);
    const touch = side === 'BUY' ? quote?.ask : quote?.bid;
    const live = [touch, quote?.lastPrice].find((p): p is number => p !== undefined && Number.isFinite(p) && p > 0);
    return live ?? (leg.lastPricePaise ?? leg.avgPricePaise) / 100;
  }
}
