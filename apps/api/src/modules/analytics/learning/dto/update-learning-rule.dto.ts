import { ApiProperty } from '@nestjs/swagger';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../../../../common/errors/app-exception';
import { IsIntIn, IsNumberIn } from '../../../../common/validation/validators';
import type { StrategyType } from '../../../strategies/entities/strategy-type';

export const STRATEGY_TYPES: readonly StrategyType[] = ['WEEKLY_NIFTY_STRANGLE', 'LLM_VALIDATED_FUTURES'];

/** The strategy in the path of /api/analytics/learning/rules/:strategyType (path parameters are not DTO-validated: checked here). */
@Injectable()
export class StrategyTypePipe implements PipeTransform<unknown, StrategyType> {
  transform(value: unknown): StrategyType {
    if (!STRATEGY_TYPES.includes(value as StrategyType)) throw new AppException('VALIDATION_FAILED', [`strategyType must be one of ${STRATEGY_TYPES.join(', ')}`]);
    return value as StrategyType;
  }
}

/** PUT /api/analytics/learning/rules/:strategyType: when a pattern may suggest a change. */
export class UpdateLearningRuleDto {
  @ApiProperty({ minimum: 2, maximum: 1000, description: 'fewest closed positions a pattern needs' }) @IsIntIn(2, 1000)
  minSamples!: number;

  @ApiProperty({ minimum: 0.05, maximum: 1, description: 'win-rate gap below the strategy, 0..1' }) @IsNumberIn(0.05, 1)
  minWinRateGapFraction!: number;
}
