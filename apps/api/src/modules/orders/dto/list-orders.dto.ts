import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '@mcube/domain';

/** GET /api/orders query: newest first, optionally one account and one status. */
export class ListOrdersDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  accountId?: number;

  @ApiPropertyOptional({ enum: ORDER_STATUSES }) @IsOptional() @IsIn([...ORDER_STATUSES])
  status?: OrderStatus;

  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}
