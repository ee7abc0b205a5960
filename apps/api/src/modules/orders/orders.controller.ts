import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, type OnModuleInit } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { instrumentName, type OrderDetailResponse, type OrderListItemResponse, type OrderResponse, type SubmitEntryResponse, type SubmitOrderResponse } from '@mcube/contracts';
import { istDateTimeOf, type Clock, type EntryCommandLeg } from '@mcube/domain';
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
import { ORDER_DENIED_API_RESPONSE, orderDeniedError } from './order-denied';
import { entryResponseOf, orderEventResponseOf, orderResponseOf, submitResponseOf } from './order-response-of';
import { OrdersService } from './order-gateway.service';
import { MARKET_CLOCK } from '../core/clock/clock.token';
import { OrderCommands } from '../../roles/order-commands/order-commands.service';

const legOf = ({ underlying, kind, expiry, strike, optionType, segment, side, quantity, orderType, limitPrice }: OrderLegDto): EntryCommandLeg => ({
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
 * Writes need trader or admin. The order gate runs here; the commands themselves run through
 * `OrderCommands`: in this process, or (an `api` process with REDIS_URL) in the worker that owns
 * the broker sessions, which answers the same response or error. A forwarded order without an
 * idempotency key is given one, so a 504 (no answer in time) can be retried safely.
 */
@ApiTags('orders')
@Controller('orders')
export class OrdersController implements OnModuleInit {
  constructor(
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly commands: OrderCommands,
  ) {}

  onModuleInit(): void {
    const accountOfBody = async (args: Record<string, unknown>) => args['accountId'] as number;
    this.commands.register('orders.submit', (args) => this.submitHere(args as unknown as SubmitOrderDto), accountOfBody);
    this.commands.register('orders.entry', (args) => this.submitEntryHere(args as unknown as SubmitEntryDto), accountOfBody);
    this.commands.register(
      'orders.cancel',
      (args) => this.cancelHere(args['id'] as number),
      async (args) => (await this.dataSource.getRepository(Order).findOne({ where: { id: args['id'] as number }, select: { id: true, accountId: true } }))?.accountId,
    );
  }

  @Post()
  @HttpCode(201)
  @OrderGate('intent-body')
  @ApiResponse(ORDER_DENIED_API_RESPONSE)
  submit(@Body() dto: SubmitOrderDto): Promise<SubmitOrderResponse> {
    const idempotencyKey = this.keyOf(dto.idempotencyKey);
    return this.commands.run('orders.submit', { ...dto, idempotencyKey }, { idempotencyKey });
  }

  @Post('entry')
  @HttpCode(201)
  @OrderGate('entry-body')
  @ApiResponse(ORDER_DENIED_API_RESPONSE)
  submitEntry(@Body() dto: SubmitEntryDto): Promise<SubmitEntryResponse> {
    const idempotencyKey = this.keyOf(dto.idempotencyKey);
    return this.commands.run('orders.entry', { ...dto, idempotencyKey }, { idempotencyKey });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', IdParamPipe) id: number): Promise<OrderResponse> {
    return this.commands.run('orders.cancel', { id }, { orderId: id });
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

  /** The gateway pass of POST /orders (where the broker session is). */
  private async submitHere(dto: SubmitOrderDto): Promise<SubmitOrderResponse> {
    const { accountId, purpose, positionId, idempotencyKey } = dto;
    const result = await this.orders.submit({ ...legOf(dto), accountId, purpose, positionId, idempotencyKey });
    const denied = orderDeniedError([result]);
    if (denied) throw denied;
    return submitResponseOf(result);
  }

  /** The gateway pass of POST /orders/entry. */
  private async submitEntryHere(dto: SubmitEntryDto): Promise<SubmitEntryResponse> {
    const result = await this.orders.submitEntry({ accountId: dto.accountId, legs: dto.legs.map(legOf), idempotencyKey: dto.idempotencyKey });
    const denied = orderDeniedError(result.legs);
    if (denied) throw denied;
    return entryResponseOf(result);
  }

  private async cancelHere(id: number): Promise<OrderResponse> {
    return orderResponseOf(await this.cancels.cancel(id));
  }

  /** The client's key; a forwarded command without one gets one (a timeout's retry must be safe). */
  private keyOf(key: string | undefined): string | undefined {
    return key ?? (this.commands.forwards ? randomUUID() : undefined);
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
