import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsIntIn, IsNumberIn, IsPaise, OptionalNotNull, OptionalNullable } from '../../../../common/validation/validators';

/**
 * PUT /api/accounts/:id/risk-limits body: any subset of the limits (plan §3, §7, DECISIONS.md).
 * Fractions are 0..1; amounts integer paise; `null` switches a nullable limit off.
 */
export class UpdateRiskLimitsDto {
  @ApiPropertyOptional({ description: 'Fraction of allocated capital usable as margin', minimum: 0.01, maximum: 1, example: 0.4 })
  @OptionalNotNull() @IsNumberIn(0.01, 1)
  maxMarginUsagePct?: number;

  @ApiPropertyOptional({ description: 'Fraction of usable headroom for a first trade', minimum: 0.01, maximum: 1, example: 0.5 })
  @OptionalNotNull() @IsNumberIn(0.01, 1)
  firstTradeFraction?: number;

  @ApiPropertyOptional({ description: 'The one-position rule: always 1', minimum: 1, maximum: 1 })
  @OptionalNotNull() @IsIntIn(1, 1)
  maxConcurrentPositions?: number;

  @ApiPropertyOptional({ nullable: true, description: 'paise' })
  @OptionalNullable() @IsPaise(100)
  perPositionStopPaise?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'paise' })
  @OptionalNullable() @IsPaise(100)
  perTradeRiskPaise?: number | null;

  @ApiPropertyOptional({ description: 'paise' })
  @OptionalNotNull() @IsPaise(100)
  dailyLossLimitPaise?: number;

  @ApiPropertyOptional({ nullable: true, description: 'paise; null = the default of DECISIONS §6 (₹4 L Kotak, ₹3 L ICICI), never "no limit"' })
  @OptionalNullable() @IsPaise(100)
  weeklyLossLimitPaise?: number | null;

  @ApiPropertyOptional({ description: 'paise' })
  @OptionalNotNull() @IsPaise(100)
  weeklyProfitTargetPaise?: number;

  @ApiPropertyOptional({ description: 'paise' })
  @OptionalNotNull() @IsPaise(100)
  monthlyProfitTargetPaise?: number;

  @ApiPropertyOptional()
  @OptionalNotNull() @IsBoolean()
  pauseOnProfitTarget?: boolean;

  @ApiPropertyOptional({ description: 'Drawdown from equity peak that trips the breaker, fraction', minimum: 0.01, maximum: 1, example: 0.15 })
  @OptionalNotNull() @IsNumberIn(0.01, 1)
  maxDrawdownPct?: number;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 10 })
  @OptionalNullable() @IsNumberIn(1, 10)
  maxLeverage?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'paise' })
  @OptionalNullable() @IsPaise(100)
  maxTotalExposurePaise?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'paise' })
  @OptionalNullable() @IsPaise(100)
  maxPositionExposurePaise?: number | null;

  @ApiPropertyOptional({ description: 'ENTRY and AVERAGE orders need a person\'s approval' })
  @OptionalNotNull() @IsBoolean()
  requiresApproval?: boolean;

  @ApiPropertyOptional({ description: 'Fewest calendar days to expiry for new option risk', minimum: 0, maximum: 60, example: 1 })
  @OptionalNotNull() @IsIntIn(0, 60)
  minDaysToExpiryOptions?: number;

  @ApiPropertyOptional({ description: 'Fewest calendar days to expiry for new futures risk', minimum: 0, maximum: 90, example: 15 })
  @OptionalNotNull() @IsIntIn(0, 90)
  minDaysToExpiryFutures?: number;
}
