import { ApiProperty } from '@nestjs/swagger';
import type { OrderDeniedResponse } from '@mcube/contracts';
import { AppException } from '../../common/errors/app-exception';
import type { SubmitResult } from './gateway-intent';

/** OpenAPI schema of the 422 answer (`OrderDeniedResponse`). */
export class OrderDeniedResponseDto implements OrderDeniedResponse {
  @ApiProperty({ enum: ['ORDER_DENIED'] }) code!: 'ORDER_DENIED';
  @ApiProperty({ example: 'MARGIN_EXCEEDS_USABLE: order needs 3650400000 paise of margin, usable 1200000000, available 6000000000' }) message!: string;
  @ApiProperty({ type: [String], example: ['ENTRY_SHAPE_INVALID', 'MARGIN_EXCEEDS_USABLE'], description: 'every denial code, in check order' }) denials!: string[];
  @ApiProperty({ type: [String] }) intentIds!: string[];
  @ApiProperty({ type: [Number], description: 'the DENIED orders, kept in the journal' }) orderIds!: number[];
  @ApiProperty({ type: Number, nullable: true }) positionId!: number | null;
  @ApiProperty() correlationId!: string;
}

/** What the OpenAPI document says of a 422 on an order-creating route. */
export const ORDER_DENIED_API_RESPONSE = {
  status: 422,
  description: 'Denied by the risk checks: nothing left mCube; the DENIED orders stay in the journal. The body lists every denial code.',
  type: OrderDeniedResponseDto,
} as const;

/**
 * The ORDER_DENIED (HTTP 422) error for REST callers when any of `results` was denied, else
 * null: a script branches on the status, the journal keeps the DENIED rows.
 */
export function orderDeniedError(results: readonly SubmitResult[]): AppException | null {
  const denied = results.filter((r) => r.denial);
  if (denied.length === 0) return null;
  const denials = [...new Set(denied.flatMap((r) => r.denial?.codes ?? []))];
  const first = denied[0].denial;
  return new AppException('ORDER_DENIED', `${first?.code}: ${first?.message}`, {}, {
    denials,
    intentIds: results.map((r) => r.intentId),
    orderIds: results.flatMap((r) => r.orderIds),
    positionId: results.find((r) => r.positionId !== null)?.positionId ?? null,
  });
}
