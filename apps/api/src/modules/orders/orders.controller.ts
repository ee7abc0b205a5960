import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { CancelOrderService } from './cancel-order.service';
import { ListOrdersDto } from './dto/list-orders.dto';
import { SubmitOrderDto } from './dto/submit-order.dto';
import { OrderEvent } from './entities/order-event.entity';
import { Order } from './entities/order.entity';
import { OrderGate } from './gate/order-gate.guard';
import { OrdersService } from './submit-order.service';

/**
 * Orders over REST: submit an intent (through the gateway: risk checks first; refused early
 * with a coded 409 when the account cannot trade at all, see `OrderGateService`), cancel
 * (always allowed), list and inspect with the state history. Writes need trader or admin.
 */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly cancels: CancelOrderService,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(201)
  @OrderGate('intent-body')
  submit(@Body() dto: SubmitOrderDto) {
    const { underlying, kind, expiry, strike, optionType, ...rest } = dto;
    return this.orders.submit({ ...rest, instrument: { underlying, kind, expiry, strike, optionType } });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', IdParamPipe) id: number) {
    return this.cancels.cancel(id);
  }

  @Get()
  list(@Query() q: ListOrdersDto) {
    return this.dataSource.getRepository(Order).find({
      where: { ...(q.accountId ? { accountId: q.accountId } : {}), ...(q.status ? { status: q.status } : {}) },
      order: { id: 'DESC' },
      take: q.limit ?? 100,
    });
  }

  @Get(':id')
  async get(@Param('id', IdParamPipe) id: number) {
    const order = await this.dataSource.getRepository(Order).findOne({ where: { id } });
    if (!order) throw new AppException('NOT_FOUND', `order ${id} not found`);
    const history = await this.dataSource.getRepository(OrderEvent).find({ where: { orderId: id }, order: { sequence: 'ASC' } });
    return { ...order, history };
  }
}
