import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsIntIn, IsNumberIn } from '../../../../common/validation/validators';
import type { StrategyType } from '../../../strategies/entities/strategy-type';

export const STRATEGY_TYPES: readonly StrategyType[] = ['WEEKLY_NIFTY_STRANGLE', 'LLM_VALIDATED_FUTURES'];

/** The strategy in the path of /api/analytics/learning/rules/:strategyType. */
export class LearningRuleParamsDto {
  @ApiProperty({ enum: STRATEGY_TYPES }) @IsIn([...STRATEGY_TYPES])
  strategyType!: StrategyType;
}

/** PUT /api/analytics/learning/rules/:strategyType: when a pattern may suggest a change. */
export class UpdateLearningRuleDto {
  @ApiProperty({ minimum: 2, maximum: 1000, description: 'fewest closed positions a pattern needs' }) @IsIntIn(2, 1000)
  minSamples!: number;

  @ApiProperty({ minimum: 0.05, maximum: 1, description: 'win-rate gap below the strategy, 0..1' }) @IsNumberIn(0.05, 1)
  minWinRateGapFraction!: number;
}
