import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/validators';
import { OrderLegDto } from './order-leg.dto';

/** An idempotency key: the same key never makes a second order. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9:._-]{1,64}$/;

/**
 * POST /api/orders body: one order intent, flat (see `OrderLegDto`). An ENTRY here is one leg:
 * an ICICI futures entry; a Kotak entry is a strangle of two legs (POST /api/orders/entry).
 * Everything else (margin, risk, exposure, slicing, throttle) is the gateway's job.
 */
export class SubmitOrderDto extends OrderLegDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  accountId!: number;

  @ApiProperty({ enum: ['ENTRY', 'EXIT', 'AVERAGE', 'ADJUST'] }) @IsIn(['ENTRY', 'EXIT', 'AVERAGE', 'ADJUST'])
  purpose!: 'ENTRY' | 'EXIT' | 'AVERAGE' | 'ADJUST';

  @ApiPropertyOptional() @OptionalNotNull() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  positionId?: number;

  @ApiPropertyOptional({ description: 'Same key, same order: a retried request never makes a second one' })
  @OptionalNotNull() @Matches(IDEMPOTENCY_KEY, { message: '$property must be 1-64 characters A-Z a-z 0-9 : . _ -' })
  idempotencyKey?: string;
}
