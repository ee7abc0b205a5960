import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsIntIn, IsIstTime, IsNumberIn, IsPaise, OptionalNotNull } from '../../../../common/validation/validators';

/**
 * Editable parameters of the Kotak NIFTY strangle (domain `KOTAK_STRANGLE_DEFAULTS` and
 * `STRANGLE_FILTER_DEFAULTS`). `…Pct` fields are PERCENTAGES here (0.5 = 0.5%), as in the plan.
 * Any subset may be sent; ranges keep a typo from becoming a trade.
 */
export class StrangleParametersDto {
  @ApiPropertyOptional({ enum: ['NIFTY'] }) @OptionalNotNull() @IsIn(['NIFTY'])
  instrument?: string;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 5 }) @OptionalNotNull() @IsNumberIn(0.1, 5)
  baseDeltaPct?: number;

  @ApiPropertyOptional({ minimum: 5, maximum: 80 }) @OptionalNotNull() @IsNumberIn(5, 80)
  vixElevatedAbove?: number;

  @ApiPropertyOptional({ minimum: 5, maximum: 80 }) @OptionalNotNull() @IsNumberIn(5, 80)
  vixHighAbove?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 3 }) @OptionalNotNull() @IsNumberIn(1, 3)
  elevatedMultiplier?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 3 }) @OptionalNotNull() @IsNumberIn(1, 3)
  highMultiplier?: number;

  @ApiPropertyOptional({ enum: [50, 100, 150, 200, 250, 500] }) @OptionalNotNull() @IsIn([50, 100, 150, 200, 250, 500])
  roundTo?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 7 }) @OptionalNotNull() @IsIntIn(0, 7)
  minDaysToExpiry?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 100 }) @OptionalNotNull() @IsNumberIn(10, 100)
  targetPct?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 500 }) @OptionalNotNull() @IsNumberIn(10, 500)
  stopLossPct?: number;

  @ApiPropertyOptional({ description: 'paise' }) @OptionalNotNull() @IsPaise(100)
  perPositionStopPaise?: number;

  @ApiPropertyOptional({ example: '15:15' }) @OptionalNotNull() @IsIstTime()
  eodTime?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @OptionalNotNull() @IsNumberIn(0, 100)
  eodMinProfitPct?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 }) @OptionalNotNull() @IsNumberIn(1, 100_000)
  deltaThreshold?: number;

  @ApiPropertyOptional({ example: '10:00' }) @OptionalNotNull() @IsIstTime()
  entryTime?: string;

  @ApiPropertyOptional({ example: '09:15' }) @OptionalNotNull() @IsIstTime()
  entryWindowStart?: string;

  @ApiPropertyOptional({ example: '11:30' }) @OptionalNotNull() @IsIstTime()
  entryWindowEnd?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @OptionalNotNull() @IsNumberIn(0, 10_000)
  minCombinedPremium?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) @OptionalNotNull() @IsNumberIn(0, 10)
  maxGiftNiftyChangePct?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) @OptionalNotNull() @IsNumberIn(0, 10)
  maxUsChangePct?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) @OptionalNotNull() @IsNumberIn(0, 10)
  maxNifty1dChangePct?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 20 }) @OptionalNotNull() @IsNumberIn(0, 20)
  maxNifty3dChangePct?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 30 }) @OptionalNotNull() @IsIntIn(0, 30)
  eventLookaheadDays?: number;

  @ApiPropertyOptional({ minimum: 5, maximum: 100 }) @OptionalNotNull() @IsNumberIn(5, 100)
  maxVix?: number;
}
