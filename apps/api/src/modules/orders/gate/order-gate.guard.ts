import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OrderPurpose } from '@mcube/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { parseCanonicalId } from '../../../common/pipes/canonical-id';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from '../ports/position-ledger.port';
import { OrderGateService } from './order-gate.service';

/** Where a guarded route's account and purpose come from. */
export type OrderGateSource = 'intent-body' | 'entry-body' | 'position-exit';

const ORDER_GATE_SOURCE = 'mcube:order-gate-source';
const PURPOSES: readonly string[] = ['ENTRY', 'EXIT', 'ADJUST', 'AVERAGE'];

/**
 * Put on every REST route that creates orders: `intent-body` reads `accountId` and `purpose`
 * from the body (POST /orders), `entry-body` the body's `accountId` (purpose ENTRY, POST
 * /orders/entry), `position-exit` the account of the `:id` position (purpose EXIT).
 */
export const OrderGate = (source: OrderGateSource): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(ORDER_GATE_SOURCE, source), UseGuards(OrderGateGuard));

/**
 * Runs `OrderGateService.check` before the handler (after authentication, CSRF and roles).
 * Guards run before validation pipes, so a request whose account or purpose cannot be read
 * yet passes here and is refused by validation or by the service.
 */
@Injectable()
export class OrderGateGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly gate: OrderGateService,
    private readonly dataSource: DataSource,
    /** The account of a position (exit routes), the positions module's read. */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const source = this.reflector.get<OrderGateSource | undefined>(ORDER_GATE_SOURCE, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<Request>();
    const body = source === 'entry-body' ? { ...(req.body as object), purpose: 'ENTRY' } : req.body;
    const target = source === 'position-exit' ? await this.positionTarget(req.params['id']) : this.bodyTarget(body);
    if (target) await this.gate.check({ ...target, route: `${req.method} ${req.route?.path ?? req.path}` });
    return true;
  }

  private bodyTarget(body: unknown): { accountId: number; purpose: OrderPurpose } | undefined {
    const b = (body ?? {}) as Record<string, unknown>;
    const accountId = b['accountId'];
    const purpose = b['purpose'];
    if (typeof accountId !== 'number' || !Number.isSafeInteger(accountId) || accountId <= 0) return undefined;
    if (typeof purpose !== 'string' || !PURPOSES.includes(purpose)) return undefined;
    return { accountId, purpose: purpose as OrderPurpose };
  }

  private async positionTarget(id: unknown): Promise<{ accountId: number; purpose: OrderPurpose } | undefined> {
    // Same rule as the id pipe: `+8` or `0x8` is no position (the pipe then answers 400).
    const positionId = parseCanonicalId(id);
    if (positionId === undefined) return undefined;
    const accountId = await this.ledger.accountOfPosition(this.dataSource.manager, positionId);
    return accountId === undefined ? undefined : { accountId, purpose: 'EXIT' };
  }
}
