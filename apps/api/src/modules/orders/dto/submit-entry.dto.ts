import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/validators';
import { OrderLegDto } from './order-leg.dto';
import { IDEMPOTENCY_KEY } from './submit-order.dto';

/**
 * POST /api/orders/entry body: an ENTRY of one or more legs sent as one command (a Kotak
 * strangle: a SELL CE and a SELL PE of one expiry, equal quantity; an ICICI entry: one future).
 * Checked as a whole, both legs journaled before either is sent, one position.
 */
export class SubmitEntryDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  accountId!: number;

  @ApiProperty({ type: [OrderLegDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => OrderLegDto)
  legs!: OrderLegDto[];

  @ApiPropertyOptional({ description: 'Same key, same entry: a retried request never makes a second one' })
  @OptionalNotNull() @Matches(IDEMPOTENCY_KEY, { message: '$property must be 1-64 characters A-Z a-z 0-9 : . _ -' })
  idempotencyKey?: string;
}
