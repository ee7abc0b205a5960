import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, Matches, Max, Min } from 'class-validator';
import { IsPaise, OptionalNotNull } from '../../../common/validation/validators';

/**
 * POST /api/orders body: one order intent, flat. Units (not lots); prices in rupees
 * (for a MARKET intent `limitPrice` is the reference the protected limit is built from);
 * estimates in paise. Everything else (risk, slicing, throttle) is the gateway's job.
 */
export class SubmitOrderDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  accountId!: number;

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

  @ApiProperty({ enum: ['ENTRY', 'EXIT', 'AVERAGE', 'ADJUST'] }) @IsIn(['ENTRY', 'EXIT', 'AVERAGE', 'ADJUST'])
  purpose!: 'ENTRY' | 'EXIT' | 'AVERAGE' | 'ADJUST';

  @ApiPropertyOptional() @OptionalNotNull() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  positionId?: number;

  @ApiPropertyOptional({ description: 'paise' }) @OptionalNotNull() @IsPaise(0)
  estimatedMarginPaise?: number;

  @ApiPropertyOptional({ description: 'paise' }) @OptionalNotNull() @IsPaise(0)
  estimatedRiskPaise?: number;

  @ApiPropertyOptional({ description: 'paise' }) @OptionalNotNull() @IsPaise(0)
  estimatedExposurePaise?: number;

  @ApiPropertyOptional({ description: 'Same key, same order: a retried request never makes a second one' })
  @OptionalNotNull() @Matches(/^[A-Za-z0-9:._-]{1,64}$/, { message: '$property must be 1-64 characters A-Z a-z 0-9 : . _ -' })
  idempotencyKey?: string;
}
