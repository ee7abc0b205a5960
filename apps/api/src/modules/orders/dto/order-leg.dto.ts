import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/validators';

/**
 * One order leg of a REST body. Units (not lots); prices in rupees (for a MARKET leg
 * `limitPrice` is the reference the protected limit is built from). Margin, risk and exposure
 * are never inputs: the gateway computes them.
 */
export class OrderLegDto {
  @ApiProperty({ enum: ['NFO-OPT', 'NFO-FUT'] }) @IsIn(['NFO-OPT', 'NFO-FUT'])
  segment!: 'NFO-OPT' | 'NFO-FUT';

  @ApiProperty({ example: 'NIFTY' }) @Matches(/^[A-Z0-9&-]{1,20}$/, { message: '$property must be an NSE symbol' })
  underlying!: string;

  @ApiProperty({ enum: ['OPT', 'FUT'] }) @IsIn(['OPT', 'FUT'])
  kind!: 'OPT' | 'FUT';

  @ApiProperty({ example: '2026-03-17' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  expiry!: string;

  @ApiPropertyOptional({ example: 23500 }) @OptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(1) @Max(10_000_000)
  strike?: number;

  @ApiPropertyOptional({ enum: ['CE', 'PE'] }) @OptionalNotNull() @IsIn(['CE', 'PE'])
  optionType?: 'CE' | 'PE';

  @ApiProperty({ enum: ['BUY', 'SELL'] }) @IsIn(['BUY', 'SELL'])
  side!: 'BUY' | 'SELL';

  @ApiProperty({ example: 650 }) @IsInt() @Min(1) @Max(10_000_000)
  quantity!: number;

  @ApiProperty({ enum: ['LIMIT', 'MARKET'] }) @IsIn(['LIMIT', 'MARKET'])
  orderType!: 'LIMIT' | 'MARKET';

  @ApiProperty({ example: 120.5 }) @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) @Min(0.05) @Max(10_000_000)
  limitPrice!: number;
}
