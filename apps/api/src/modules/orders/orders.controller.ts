import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { instrumentName, type OrderDetailResponse, type OrderListItemResponse, type OrderResponse, type SubmitEntryResponse, type SubmitOrderResponse } from '@mcube/contracts';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { CancelOrderService } from './cancel-order.service';
import { ListOrdersDto } from './dto/list-orders.dto';
import type { OrderLegDto } from './dto/order-leg.dto';
import { SubmitEntryDto } from './dto/submit-entry.dto';
import { SubmitOrderDto } from './dto/submit-order.dto';
import { OrderEvent } from './entities/order-event.entity';
import { Order } from './entities/order.entity';
import { OrderGate } from './gate/order-gate.guard';
import type { GatewayEntryLeg } from './gateway-intent';
import { ORDER_DENIED_API_RESPONSE, orderDeniedError } from './order-denied';
import { entryResponseOf, orderEventResponseOf, orderResponseOf, submitResponseOf } from './order-response-of';
import { OrdersService } from './order-gateway.service';
import { MARKET_CLOCK } from '../core/clock/clock.token';

const legOf = ({ underlying, kind, expiry, strike, optionType, segment, side, quantity, orderType, limitPrice }: OrderLegDto): GatewayEntryLeg => ({
  segment,
  instrument: { underlying, kind, expiry, strike, optionType },
  side,
  quantity,
  orderType,
  limitPrice,
});

/**
 * Orders over REST: submit an intent or a multi-leg entry (through the gateway: risk checks
 * first; refused early with a coded 409 when the account cannot trade at all, see
 * `OrderGateService`; a risk denial answers 422 ORDER_DENIED with every code, the DENIED orders
 * kept in the journal), cancel (always allowed), list and inspect with the state history.
 * Writes need trader or admin.
 */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @OrderGate('intent-body')
  @ApiResponse(ORDER_DENIED_API_RESPONSE)
  async submit(@Body() dto: SubmitOrderDto): Promise<SubmitOrderResponse> {
    const { accountId, purpose, positionId, idempotencyKey } = dto;
    const result = await this.orders.submit({ ...legOf(dto), accountId, purpose, positionId, idempotencyKey });
    const denied = orderDeniedError([result]);
    if (denied) throw denied;
    return submitResponseOf(result);
  }

  @Post('entry')
  @HttpCode(201)
  @OrderGate('entry-body')
  @ApiResponse(ORDER_DENIED_API_RESPONSE)
  async submitEntry(@Body() dto: SubmitEntryDto): Promise<SubmitEntryResponse> {
    const result = await this.orders.submitEntry({ accountId: dto.accountId, legs: dto.legs.map(legOf), idempotencyKey: dto.idempotencyKey });
    const denied = orderDeniedError(result.legs);
    if (denied) throw denied;
    return entryResponseOf(result);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@Param('id', IdParamPipe) id: number): Promise<OrderResponse> {
    return orderResponseOf(await this.cancels.cancel(id));
  }

  @Get()
  async list(@Query() q: ListOrdersDto): Promise<OrderListItemResponse[]> {
    const rows = await this.dataSource.getRepository(Order).find({
      where: { ...(q.accountId ? { accountId: q.accountId } : {}), ...(q.status ? { status: q.status } : {}) },
      order: { id: 'DESC' },
      take: q.limit ?? 100,
    });
    const year = this.marketYear();
    return rows.map((o) => ({ ...orderResponseOf(o), name: nameOf(o, year) }));
  }

  @Get(':id')
  async get(@Param('id', IdParamPipe) id: number): Promise<OrderDetailResponse> {
    const order = await this.dataSource.getRepository(Order).findOne({ where: { id } });
    if (!order) throw new AppException('NOT_FOUND', `order ${id} not found`);
    const history = await this.dataSource.getRepository(OrderEvent).find({ where: { orderId: id }, order: { sequence: 'ASC' } });
    return { ...orderResponseOf(order), name: nameOf(order, this.marketYear()), history: history.map(orderEventResponseOf) };
  }

  /** The market's IST year: a contract of another year is named with its year. */
  private marketYear(): number {
    return Number(istDateTimeOf(this.clock.nowMs()).date.slice(0, 4));
  }
}

/** The order's contract as a trader says it ('NIFTY 08 Dec 26750 CE'); the broker's symbol when it has no expiry. */
function nameOf(o: Order, year: number): string {
  return o.expiryDate === null ? o.tradingSymbol : instrumentName({ underlying: o.underlying, expiryDate: o.expiryDate, strike: o.strike, optionType: o.instrumentType }, year);
}
