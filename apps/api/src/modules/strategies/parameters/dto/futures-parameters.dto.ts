import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsBoolean, IsIn, IsNumber, Max, Min } from 'class-validator';
import { IsIntIn, IsNumberIn, OptionalNotNull } from '../../../../common/validation/validators';

/**
 * Editable parameters of the ICICI futures strategy (domain `ICICI_FUTURES_DEFAULTS`).
 * `…Pct` fields are FRACTIONS here (0.005 = 0.5%) except `minProfitPctToExit` and
 * `oiChangeThresholdPct` (percent points, as the plan writes them).
 */
export class FuturesParametersDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 60 }) @OptionalNotNull() @IsIntIn(0, 60)
  minDaysToExpiry?: number;

  @ApiPropertyOptional({ minimum: 0.0005, maximum: 0.1 }) @OptionalNotNull() @IsNumberIn(0.0005, 0.1)
  stopLossPct?: number;

  @ApiPropertyOptional({ minimum: 0.001, maximum: 0.5 }) @OptionalNotNull() @IsNumberIn(0.001, 0.5)
  targetPct?: number;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 10 }) @OptionalNotNull() @IsNumberIn(0.5, 10)
  minRiskRewardRatio?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @OptionalNotNull() @IsNumberIn(0, 100)
  minProfitPctToExit?: number;

  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean()
  allowAveraging?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 3, description: 'DECISIONS §1: default 2, at most 3' }) @OptionalNotNull() @IsIntIn(0, 3)
  maxAverageAttempts?: number;

  @ApiPropertyOptional({ minimum: 0.001, maximum: 0.1 }) @OptionalNotNull() @IsNumberIn(0.001, 0.1)
  averageTriggerPct?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Three fractions of available margin, one per attempt' })
  @OptionalNotNull() @IsArray() @ArrayMinSize(3) @ArrayMaxSize(3)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0.01, { each: true }) @Max(1, { each: true })
  averagingMarginCaps?: number[];

  @ApiPropertyOptional({ minimum: 0.0005, maximum: 0.1 }) @OptionalNotNull() @IsNumberIn(0.0005, 0.1)
  averagedStopLossPct?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @OptionalNotNull() @IsNumberIn(0, 1)
  minLlmConfidence?: number;

  /** The plan makes human approval mandatory on the ICICI account: it cannot be switched off here. */
  @ApiPropertyOptional({ enum: [true] }) @OptionalNotNull() @Equals(true, { message: 'requireHumanApproval cannot be switched off (plan: every ICICI order needs approval)' })
  requireHumanApproval?: boolean;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 100 }) @OptionalNotNull() @IsNumberIn(0.1, 100)
  oiChangeThresholdPct?: number;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 5 }) @OptionalNotNull() @IsNumberIn(0.1, 5)
  pcrBullishAbove?: number;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 5 }) @OptionalNotNull() @IsNumberIn(0.1, 5)
  pcrBearishBelow?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @OptionalNotNull() @IsNumberIn(0, 100)
  minScreeningScore?: number;

  @ApiPropertyOptional({ enum: [0.05] }) @OptionalNotNull() @IsIn([0.05])
  tickSize?: number;
}
