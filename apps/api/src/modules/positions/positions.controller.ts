import { Body, Controller, Get, HttpCode, Param, Post, Res, type OnModuleInit } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { LegExitOrderResponse, PositionDetailResponse, PositionExitOrdersResponse, PositionListItemResponse, PositionMarkResponse } from '@mcube/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { sendCachedJson } from '../../common/http/send-cached-json';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { ReadCache } from '../../database/read-cache';
import { OrderCommands } from '../../roles/order-commands/order-commands.service';
import { OrderGate } from '../orders/gate/order-gate.guard';
import { ORDER_DENIED_API_RESPONSE, orderDeniedError } from '../orders/order-denied';
import { submitResponseOf } from '../orders/order-response-of';
import { ExitPositionDto } from './dto/exit-position.dto';
import { Position } from './entities/position.entity';
import { ManualExitService } from './manual-exit.service';
import { PositionDetailService } from './position-detail.service';
import { positionListItemOf } from './position-list-item-of';

/** How old a served position list may be (wall ms) when nothing was written in between. */
const LIST_MAX_AGE_MS = 1_000;

/**
 * Positions over REST: list, inspect with legs, and a manual exit through the order gateway (as
 * an order command: in the worker when this is an `api` process, see `OrderCommands`).
 */
@ApiTags('positions')
@Controller('positions')
export class PositionsController implements OnModuleInit {
  /** The list is read again only after a write (or a second): the dashboard polls it (issue 21). */
  private readonly listCache: ReadCache<PositionListItemResponse[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exits: ManualExitService,
    private readonly details: PositionDetailService,
    private readonly commands: OrderCommands,
  ) {
    this.listCache = new ReadCache(dataSource, LIST_MAX_AGE_MS);
  }

  onModuleInit(): void {
    const accountOfPosition = async (args: Record<string, unknown>) => (await this.dataSource.getRepository(Position).findOne({ where: { id: args['id'] as number }, select: { id: true, accountId: true } }))?.accountId;
    this.commands.register('positions.exit-leg', (args) => this.exitLegHere(args['id'] as number, args['legId'] as number, args['reason'] as ExitPositionDto['reason']), accountOfPosition);
    this.commands.register('positions.exit', (args) => this.exitHere(args['id'] as number, args['reason'] as ExitPositionDto['reason']), accountOfPosition);
  }

  /** The newest 200 positions as stored, each with its display `state` (EXITING while an exit is requested) and `exit`. */
  @Get()
  async list(@Res() res: Response): Promise<void> {
    // Serialized once per cached list: a write (or a second) reads and serializes it again.
    sendCachedJson(
      res,
      await this.listCache.get('newest', async () => {
        const rows = await this.dataSource.getRepository(Position).find({ order: { id: 'DESC' }, take: 200 });
        return rows.map(positionListItemOf);
      }),
    );
  }

  /** The position, its legs with greeks (from the last marks and spot) and the net delta. */
  @Get(':id')
  get(@Param('id', IdParamPipe) id: number): Promise<PositionDetailResponse> {
    return this.details.detail(id);
  }

  /** The P&L history from the monitor's MARK rows, oldest first. */
  @Get(':id/marks')
  marks(@Param('id', IdParamPipe) id: number): Promise<PositionMarkResponse[]> {
    return this.details.marks(id);
  }

  /**
   * Exits one leg: one EXIT order for its open quantity at the touch, through the gateway. The
   * position is not marked EXITING (the other legs stay), so this leg's exit is not chased: if
   * it does not fill, the person asks again (or exits the whole position, which is chased).
   */
  @Post(':id/legs/:legId/exit')
  @HttpCode(200)
  @OrderGate('position-exit')
  @ApiResponse(ORDER_DENIED_API_RESPONSE)
  exitLeg(@Param('id', IdParamPipe) id: number, @Param('legId', IdParamPipe) legId: number, @Body() dto: ExitPositionDto): Promise<LegExitOrderResponse> {
    return this.commands.run('positions.exit-leg', { id, legId, reason: dto.reason });
  }

  @Post(':id/exit')
  @HttpCode(200)
  @OrderGate('position-exit')
  @ApiResponse(ORDER_DENIED_API_RESPONSE)
  exit(@Param('id', IdParamPipe) id: number, @Body() dto: ExitPositionDto): Promise<PositionExitOrdersResponse> {
    return this.commands.run('positions.exit', { id, reason: dto.reason });
  }

  /** The gateway pass of one leg's exit (where the broker session is). */
  private async exitLegHere(id: number, legId: number, reason: ExitPositionDto['reason']): Promise<LegExitOrderResponse> {
    const result = await this.exits.exitLeg(id, legId, reason);
    const denied = orderDeniedError([result.exit]);
    if (denied) throw denied;
    return { ...result, exit: submitResponseOf(result.exit) };
  }

  /** The gateway pass of a whole position's exit. */
  private async exitHere(id: number, reason: ExitPositionDto['reason']): Promise<PositionExitOrdersResponse> {
    const result = await this.exits.exit(id, reason);
    // A denied leg exit answers 422 (the other legs' exits, if any, were sent: see `orderIds`).
    const denied = orderDeniedError(result.exits);
    if (denied) throw denied;
    return { ...result, exits: result.exits.map(submitResponseOf) };
  }
}
